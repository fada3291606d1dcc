package io.tether.app.web;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.TetherCore;
import io.tether.server.actionhero.ActionheroPayloads;
import io.tether.server.http.HttpResource;
import io.tether.server.http.WebRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo pages for browsers, served by the HTTP listener, both with the connection state,
 * rooms (join, leave, members, say) and an action call built from the action's documented inputs:
 * <ul>
 *   <li>{@code /} talks to the Primus endpoint through ActionHero's own
 *       {@code ActionheroWebsocketClient} (loaded from
 *       {@code /public/javascript/ActionheroWebsocketClient.js});</li>
 *   <li>{@code /jstp.html} speaks JSTP over WebSocket with the real {@code @metarhia/jstp} browser
 *       build (its {@code dist/jstp.umd.js}, served at {@value #JSTP_CLIENT_SCRIPT_PATH} when
 *       {@link Builder#jstpClientScript} is set): the actions as methods of the actions interface,
 *       the rooms as the chat interface and its {@code message} events.</li>
 * </ul>
 * Besides {@code /demo.css}, {@code /demo-ui.js}, {@code /demo.js} and {@code /jstp-demo.js},
 * with a core it serves {@value #DOCUMENTATION_PATH}, the actions' documentation (the same as the
 * socket protocol's {@code documentation}), from which the JSTP page builds its form; like that verb
 * it is given only to clients the core's {@link io.tether.api.ConnectionPolicy} admits (asked at
 * each request; refused: 403 {@code {"error":"<reason>"}}). Files are
 * read from the classpath once, when the routes are built; neither client script is shipped
 * (both come from npm, see tether-interop).
 *
 * <pre>{@code
 * DemoPage.builder().core(core)
 *         .jstp("/jstp", "tether", "api", "chat")
 *         .jstpClientScript(Path.of("node_modules/@metarhia/jstp/dist/jstp.umd.js"))
 *         .build().addTo(routes);
 * }</pre>
 */
public final class DemoPage {
    /** Where the JSTP browser build is served. */
    public static final String JSTP_CLIENT_SCRIPT_PATH = "/public/javascript/jstp.umd.js";
    /** Where the actions' documentation is served (with a core). */
    public static final String DOCUMENTATION_PATH = "/documentation.json";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/jstp.html", "jstp.html",
            "/demo.css", "demo.css",
            "/demo-ui.js", "demo-ui.js",
            "/demo.js", "demo.js",
            "/jstp-demo.js", "jstp-demo.js");

    private final TetherCore core;
    private final String jstpPath;
    private final String application;
    private final String actionsInterface;
    private final String chatInterface;
    private final Path jstpClientScript;

    private DemoPage(Builder b) {
        this.core = b.core;
        this.jstpPath = b.jstpPath;
        this.application = b.application;
        this.actionsInterface = b.actionsInterface;
        this.chatInterface = b.chatInterface;
        this.jstpClientScript = b.jstpClientScript;
    }

    /** A builder: without settings, the JSTP page says that JSTP is not served. */
    public static Builder builder() {
        return new Builder();
    }

    /** Registers the pages' files in {@code routes} with the default settings (no JSTP, no documentation). */
    public static WebRoutes.Builder addTo(WebRoutes.Builder routes) {
        return builder().build().register(routes);
    }

    /**
     * Registers the pages' files, the documentation (with a core) and the JSTP client script
     * (when set) in {@code routes}.
     *
     * @throws TetherException {@code CONFIGURATION_ERROR} when the JSTP client script cannot be read
     */
    public WebRoutes.Builder register(WebRoutes.Builder routes) {
        FILES.forEach((path, file) -> routes.resource(path, HttpResource.of(contentType(file), content(file))));
        if (core != null) {
            byte[] docs = JsonMapper.builder().build().writeValueAsBytes(ActionheroPayloads.documentation(core.registry()));
            // like the socket and Primus documentation verbs, only for clients the connection policy admits
            routes.policyResource(DOCUMENTATION_PATH, HttpResource.of("application/json; charset=utf-8", docs));
        }
        if (jstpClientScript != null) {
            routes.resource(JSTP_CLIENT_SCRIPT_PATH, HttpResource.of(contentType(".js"), readScript(jstpClientScript)));
        }
        return routes;
    }

    private byte[] content(String file) {
        byte[] bytes = read(file);
        if (!file.equals("jstp.html")) {
            return bytes;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{{jstpPath}}", jstpPath);
        values.put("{{application}}", application);
        values.put("{{actionsInterface}}", actionsInterface);
        values.put("{{chatInterface}}", chatInterface);
        String page = new String(bytes, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : values.entrySet()) {
            page = page.replace(e.getKey(), attribute(e.getValue()));
        }
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
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

    private static byte[] readScript(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot read the JSTP client script " + file
                    + " (" + e + "): @metarhia/jstp's dist/jstp.umd.js, e.g. from tether-interop/install-peers.sh");
        }
    }

    /** Builder of a {@link DemoPage}. */
    public static final class Builder {
        private TetherCore core;
        private String jstpPath = "";
        private String application = "";
        private String actionsInterface = "api";
        private String chatInterface = "chat";
        private Path jstpClientScript;

        private Builder() {
        }

        /** Serves the core's actions' documentation at {@value #DOCUMENTATION_PATH} (the JSTP page's form). */
        public Builder core(TetherCore core) {
            this.core = Objects.requireNonNull(core, "core");
            return this;
        }

        /**
         * Where and how the JSTP page connects: the WebSocket path of JSTP ({@code ""} = JSTP is
         * not served: the page says so), the application to connect to, and the names of its
         * actions and chat interfaces.
         */
        public Builder jstp(String path, String application, String actionsInterface, String chatInterface) {
            this.jstpPath = Objects.requireNonNull(path, "path");
            this.application = Objects.requireNonNull(application, "application");
            this.actionsInterface = Objects.requireNonNull(actionsInterface, "actionsInterface");
            this.chatInterface = Objects.requireNonNull(chatInterface, "chatInterface");
            return this;
        }

        /**
         * {@code @metarhia/jstp}'s browser build ({@code dist/jstp.umd.js} of the npm package),
         * served at {@value #JSTP_CLIENT_SCRIPT_PATH}; null (default) = not served. Read when the
         * routes are built.
         */
        public Builder jstpClientScript(Path file) {
            this.jstpClientScript = file;
            return this;
        }

        /** The page set. */
        public DemoPage build() {
            return new DemoPage(this);
        }
    }
}
