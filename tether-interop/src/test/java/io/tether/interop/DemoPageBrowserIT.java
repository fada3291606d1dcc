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
 * The demo pages in real headless Chromium. Two pages (ActionHero's own websocket client over
 * Primus), a telnet-style client (socket protocol) and a JSTP client in one room, each sees the
 * others' messages; the members list shows all four; an action call with a validation error shows
 * the error, a good one its result. Then the test proper: an ActionHero page, a JSTP page
 * ({@code @metarhia/jstp}'s browser build) and a telnet-style client in one room, each sees the
 * others' messages, a validation error shows on both pages. Last, a server shutdown as each page
 * sees it. Screenshots are saved under {@code target/screenshots/}.
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

    /**
     * The browser test: a page on each browser client (ActionHero's websocket client over
     * Primus, and {@code @metarhia/jstp}'s browser build over JSTP) and a telnet-style client in
     * one room, each sees the others' messages; a validation error shows on both pages, a good
     * call its result; screenshots of both pages.
     */
    @Test
    void anActionheroPageAJstpPageAndATelnetUserChatInOneRoomAndCallActions() throws Exception {
        a = open();
        b = openJstp(server.origin());
        join(a, "otherRoom");
        join(b, "otherRoom");
        try (LineClient telnet = LineClient.connect("127.0.0.1", server.socketPort())) {
            assertThat(telnet.readJson(WAIT).get("welcome")).isNotNull();
            telnet.send("roomAdd otherRoom");
            assertThat(telnet.readJson(WAIT).get("status").asString()).isEqualTo("OK");

            say(a, "hello from the actionhero page");
            awaitMessage(b, "hello from the actionhero page");
            awaitLine(telnet, m -> "hello from the actionhero page".equals(text(m, "message")));

            say(b, "hello from the jstp page");
            awaitMessage(a, "hello from the jstp page");
            awaitLine(telnet, m -> "hello from the jstp page".equals(text(m, "message")));
            // the JSTP page learnt its id from the echo of its own message and marks it as its own
            wait(b).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages li.mine"),
                    "hello from the jstp page"));
            String jstpId = b.findElement(By.id("clientId")).getText();
            assertThat(jstpId).isNotEqualTo("–");

            telnet.send("say otherRoom hello from telnet");
            awaitMessage(a, "hello from telnet");
            awaitMessage(b, "hello from telnet");

            b.findElement(By.id("refreshMembers")).click();
            wait(b).until(d -> d.findElements(By.cssSelector("#members li:not(.empty)")).size() == 3);
            assertThat(b.findElement(By.cssSelector("#members li.me")).getText()).isEqualTo(jstpId);
            a.findElement(By.id("refreshMembers")).click();
            wait(a).until(d -> d.findElements(By.cssSelector("#members li:not(.empty)")).size() == 3);
            assertThat(a.findElement(By.id("members")).getText()).contains(jstpId);
        }

        callAction(b, "cacheTest", "key", "k", "value", "v");
        WebElement jstpError = wait(b).until(ExpectedConditions.visibilityOfElementLocated(By.id("actionError")));
        assertThat(jstpError.getText()).contains("inputs should be at least 3 letters long", "JSTP error 21");
        callAction(a, "cacheTest", "key", "k", "value", "v");
        WebElement ahError = wait(a).until(ExpectedConditions.visibilityOfElementLocated(By.id("actionError")));
        assertThat(ahError.getText()).contains("inputs should be at least 3 letters long");
        screenshot(a, "actionhero-page-validation-error.png");
        screenshot(b, "jstp-page-validation-error.png");

        callAction(b, "cacheTest", "key", "jstpKey", "value", "jstpValue");
        wait(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "\"jstpValue\""));
        assertThat(b.findElement(By.id("actionError")).isDisplayed()).isFalse();
        callAction(b, "randomNumber");
        wait(b).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "\"randomNumber\""));
        screenshot(b, "jstp-page-action-result.png");
    }

    /**
     * A server shutdown in the browser: the ActionHero page's Primus client is told the server
     * ended it ({@code primus::server::close}) and stays ended, no reconnect; the JSTP page's
     * client, whose session stays restorable, goes on trying to reconnect.
     */
    @Test
    void atShutdownTheActionheroPageEndsAndTheJstpPageTriesToReconnect() throws Exception {
        WebTestServer own = WebTestServer.start();
        try {
            a = open(own.origin());
            b = openJstp(own.origin());
            own.close();
            wait(a).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "ended"));
            wait(b).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "reconnecting"));
            screenshot(a, "actionhero-page-server-ended.png");
            // Primus would have scheduled its first reconnect within a second or so: still ended
            Thread.sleep(5_000);
            assertThat(a.findElement(By.id("state")).getDomAttribute("data-state")).isEqualTo("ended");
            assertThat(a.findElement(By.id("messages")).getText()).contains("the server ended the connection");
        } finally {
            own.close();
        }
    }

    private static ChromeDriver open() {
        return open(server.origin());
    }

    private static ChromeDriver open(String origin) {
        ChromeDriver page = Chromium.page();
        page.get(origin + "/");
        wait(page).until(ExpectedConditions.textToBe(By.id("state"), "connected"));
        assertThat(page.findElement(By.id("messages")).getText()).contains(WebTestServer.WELCOME);
        return page;
    }

    private static ChromeDriver openJstp(String origin) {
        ChromeDriver page = Chromium.page();
        page.get(origin + "/jstp.html");
        wait(page).until(ExpectedConditions.textToBe(By.id("state"), "connected"));
        assertThat(page.findElement(By.id("messages")).getText()).contains("connected to tether");
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
