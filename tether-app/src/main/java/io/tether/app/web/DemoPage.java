package io.tether.app.web;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.http.HttpResource;
import io.tether.server.http.WebRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The demo page for browsers, served by the HTTP listener: {@code /} (the page),
 * {@code /demo.css}, {@code /demo.js}. It talks to the Primus endpoint through ActionHero's own
 * {@code ActionheroWebsocketClient} (loaded from {@code /public/javascript/ActionheroWebsocketClient.js}):
 * the connection state, rooms (join, leave, members, say), an action call with inputs. The
 * files are read from the classpath once, when the routes are built.
 *
 * <pre>{@code
 * WebRoutes routes = DemoPage.addTo(primus.addTo(WebRoutes.builder())).build();
 * }</pre>
 */
public final class DemoPage {
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/demo.css", "demo.css",
            "/demo.js", "demo.js");

    private DemoPage() {
    }

    /** Registers the page's files in {@code routes}. */
    public static WebRoutes.Builder addTo(WebRoutes.Builder routes) {
        FILES.forEach((path, file) -> routes.resource(path, HttpResource.of(contentType(file), read(file))));
        return routes;
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return file.endsWith(".css") ? "text/css; charset=utf-8" : "application/javascript; charset=utf-8";
    }

    private static byte[] read(String file) {
        try (InputStream in = DemoPage.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "demo page file missing from the jar: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot read demo page file " + file + ": " + e);
        }
    }
}
