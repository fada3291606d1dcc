package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.LineClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The demo page in real headless Chromium: two pages (ActionHero's own websocket client over
 * Primus), a telnet-style client (socket protocol) and a JSTP client in one room, each sees the
 * others' messages; the members list shows all four; an action call with a validation error shows
 * the error, a good one its result; screenshots of both pages are saved under
 * {@code target/screenshots/}.
 */
class DemoPageBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static WebTestServer server;
    private ChromeDriver a;
    private ChromeDriver b;

    @BeforeAll
    static void start() throws Exception {
        Chromium.require();
        server = WebTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closePages() {
        for (WebDriver page : new WebDriver[] {a, b}) {
            if (page != null) {
                page.quit();
            }
        }
    }

    @Test
    void twoPagesATelnetUserAndAJstpClientChatInOneRoomAndCallActions() throws Exception {
        String telnetId;
        a = open();
        b = open();
        join(a, "defaultRoom");
        join(b, "defaultRoom");
        try (LineClient telnet = LineClient.connect("127.0.0.1", server.socketPort());
             JstpFrameClient jstp = JstpFrameClient.connect("127.0.0.1", server.jstpPort())) {
            assertThat(telnet.readJson(WAIT).get("welcome")).isNotNull();
            telnet.send("roomAdd defaultRoom");
            assertThat(telnet.readJson(WAIT).get("status").asString()).isEqualTo("OK");
            telnet.send("detailsView");
            telnetId = telnet.readJson(WAIT).get("data").get("id").asString();
            assertThat(jstp.request("{handshake:[0,'tether']}", WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(jstp.request("{call:[1,'chat'],join:['defaultRoom']}", WAIT)).startsWith("{callback:[1],ok");

            say(a, "hello from page a");
            awaitMessage(b, "hello from page a");
            awaitLine(telnet, m -> "hello from page a".equals(text(m, "message")));
            awaitFrame(jstp, "hello from page a");

            say(b, "hello from page b");
            awaitMessage(a, "hello from page b");
            awaitLine(telnet, m -> "hello from page b".equals(text(m, "message")));
            awaitFrame(jstp, "hello from page b");

            telnet.send("say defaultRoom hello from telnet");
            awaitMessage(a, "hello from telnet");
            awaitMessage(b, "hello from telnet");

            jstp.send("{call:[2,'chat'],say:['defaultRoom','hello from jstp']}");
            awaitMessage(a, "hello from jstp");
            awaitMessage(b, "hello from jstp");

            a.findElement(By.id("refreshMembers")).click();
            wait(a).until(d -> d.findElements(By.cssSelector("#members li:not(.empty)")).size() == 4);
            assertThat(a.findElement(By.id("members")).getText()).contains(telnetId);
        }
        // the telnet user left (a JSTP session outlives its connection until it expires)
        String gone = telnetId;
        wait(a).until(d -> {
            d.findElement(By.id("refreshMembers")).click();
            return !d.findElement(By.id("members")).getText().contains(gone);
        });

        callAction(a, "cacheTest", "key", "k", "value", "v");
        WebElement error = wait(a).until(ExpectedConditions.visibilityOfElementLocated(By.id("actionError")));
        assertThat(error.getText()).contains("inputs should be at least 3 letters long");
        screenshot(a, "demo-page-validation-error.png");

        callAction(b, "randomNumber");
        wait(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "\"randomNumber\""));
        assertThat(b.findElement(By.id("actionError")).isDisplayed()).isFalse();
        screenshot(b, "demo-page-action-result.png");
    }

    private static ChromeDriver open() {
        ChromeDriver page = Chromium.page();
        page.get(server.origin() + "/");
        wait(page).until(ExpectedConditions.textToBe(By.id("state"), "connected"));
        assertThat(page.findElement(By.id("messages")).getText()).contains(WebTestServer.WELCOME);
        return page;
    }

    private static void join(WebDriver page, String room) {
        WebElement name = page.findElement(By.id("roomName"));
        name.clear();
        name.sendKeys(room);
        page.findElement(By.id("join")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#rooms li.selected"), room));
    }

    private static void say(WebDriver page, String text) {
        page.findElement(By.id("sayText")).sendKeys(text);
        page.findElement(By.id("say")).click();
    }

    private static void awaitMessage(WebDriver page, String text) {
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), text));
    }

    private static void callAction(WebDriver page, String action, String... inputs) {
        wait(page).until(d -> !d.findElements(By.cssSelector("#actionName option[value='" + action + "']")).isEmpty());
        new Select(page.findElement(By.id("actionName"))).selectByValue(action);
        for (int i = 0; i < inputs.length; i += 2) {
            WebElement input = page.findElement(By.id("input-" + inputs[i]));
            input.clear();
            input.sendKeys(inputs[i + 1]);
        }
        page.findElement(By.id("call")).click();
    }

    private static WebDriverWait wait(WebDriver page) {
        return new WebDriverWait(page, WAIT);
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        return v == null ? null : v.asString();
    }

    private static void awaitLine(LineClient client, Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (wanted.test(client.readJson(WAIT))) {
                return;
            }
        }
        throw new AssertionError("the telnet client saw no such line within " + WAIT);
    }

    private static void awaitFrame(JstpFrameClient client, String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.read(WAIT).contains(text)) {
                return;
            }
        }
        throw new AssertionError("the JSTP client saw no frame with '" + text + "' within " + WAIT);
    }

    private static void screenshot(ChromeDriver page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = page.getScreenshotAs(OutputType.FILE).toPath();
        Path target = SCREENSHOTS.resolve(name);
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(1000);
    }
}
