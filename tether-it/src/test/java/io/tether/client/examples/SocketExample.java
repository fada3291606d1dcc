package io.tether.client.examples;

import io.tether.client.socket.SocketClient;
import io.tether.client.socket.SocketClientOptions;
import java.util.Map;

/** The socket-protocol example of tether-client/README.md (port as first argument, default 5000). */
public final class SocketExample {
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        // README:socket:begin
        var options = SocketClientOptions.builder().host("localhost").port(port).build();
        try (SocketClient client = SocketClient.connect(options)) {
            System.out.println(client.action("randomNumber").join().get("randomNumber"));
            var cache = client.actionWithParams("cacheTest", Map.of("key", "myKey", "value", "myValue")).join();
            System.out.println(cache.at("cacheTestResults", "loadResp")); // {key=cacheTest_myKey, value=myValue, …}
            client.roomAdd("defaultRoom").join();
            client.say("defaultRoom", "hello from Java").join();
        }
        // README:socket:end
    }
}
