package io.tether.client.examples;

import io.tether.client.jstp.JstpClient;
import io.tether.client.jstp.JstpClientOptions;
import java.util.Map;

/** The JSTP example of tether-client/README.md (port as first argument, default 4000). */
public final class JstpExample {
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        // README:jstp:begin
        var options = JstpClientOptions.builder().host("localhost").port(port).build();
        try (JstpClient client = JstpClient.connectAndInspect(options, "tether", "api", "chat")) {
            System.out.println(client.callMethod("api", "randomNumber").join());
            var cache = client.callMethod("api", "cacheTest", Map.of("key", "myKey", "value", "myValue")).join();
            System.out.println(cache);
            client.remoteProxies().get("chat").on("message", msg -> System.out.println("chat: " + msg));
            client.callMethod("chat", "join", "defaultRoom").join();
            client.callMethod("chat", "say", "defaultRoom", "hello from Java").join();
        }
        // README:jstp:end
    }
}
