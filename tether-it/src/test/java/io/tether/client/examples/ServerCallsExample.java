package io.tether.client.examples;

import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.api.jstp.JstpPeer;
import io.tether.client.jstp.JstpClient;
import io.tether.client.jstp.JstpClientOptions;
import io.tether.client.jstp.LocalApplication;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import java.time.Duration;
import java.util.List;

/**
 * "Calling the client from the server": a JSTP server whose method asks the calling client for
 * data and waits for the answer, and whose client listener inspects every new client; a Java
 * client hosting that data. Runs both in one JVM (JSTP port as first argument, default 0 = any).
 */
public final class ServerCallsExample {
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        // README:server-calls:begin
        JstpApplication shop = JstpApplication.builder("shop", "1.0.0")
                .iface(JstpInterface.builder("orders")
                        // a blocking method (virtual thread): ask the caller for its cart and wait
                        .method("checkout", 0, ctx -> {
                            JstpPeer client = ctx.jstpPeer().orElseThrow();
                            List<Object> cart = client.callMethod("device", "cart", List.of(),
                                    Duration.ofSeconds(5)).join();
                            return List.of("ordered " + cart.get(0));
                        })
                        .build())
                // the seed's 'client' event: runs on the I/O thread, so start calls, never block
                .onClient((client, restored) -> client.inspectInterface("device")
                        .thenAccept(methods -> System.out.println("client hosts " + methods)))
                .build();
        TetherCore core = TetherCore.builder().build();
        JstpOptions options = JstpOptions.defaults().toBuilder().port(port).application(shop).build();
        // README:server-calls:end
        try (TetherServer server = TetherServer.builder(core).protocol(new JstpProtocolServer(core, options))
                .build().start()) {
            LocalApplication device = LocalApplication.builder()
                    .method("device", "cart", arguments -> List.of("3 apples"))
                    .build();
            JstpClientOptions clientOptions = JstpClientOptions.builder().host("127.0.0.1")
                    .port(server.port("jstp")).application(device).build();
            try (JstpClient client = JstpClient.connect(clientOptions, "shop")) {
                System.out.println(client.callMethod("orders", "checkout").join());
            }
        } finally {
            core.close();
        }
    }
}
