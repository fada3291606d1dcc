package io.tether.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebRoutesTest {
    private static final WebSocketEndpoint NONE = (channel, request) -> { };
    private static final HttpResource PAGE = HttpResource.of("text/plain", new byte[0]);

    @Test
    void exactAndPrefixRoutesLongestFirst() {
        WebRoutes routes = WebRoutes.builder().webSocket("/jstp", NONE).webSocket("/primus/*", NONE)
                .resource("/*", PAGE).resource("/primus/primus.js", PAGE).build();
        assertThat(routes.match("/jstp").endpoint).isSameAs(NONE);
        assertThat(routes.match("/jstp/x").endpoint).isNull(); // falls to "/*"
        assertThat(routes.match("/primus").endpoint).isSameAs(NONE);
        assertThat(routes.match("/primus/").endpoint).isSameAs(NONE);
        assertThat(routes.match("/primus/primus.js").resource).isSameAs(PAGE);
        assertThat(routes.match("/primusx").endpoint).isNull();
        assertThat(routes.match("/index.html").resource).isSameAs(PAGE);
        assertThat(WebRoutes.empty().match("/")).isNull();
        WebRoutes both = WebRoutes.builder().webSocket("/echo/*", NONE).resource("/echo", PAGE).build();
        assertThat(both.match("/echo", false).resource).isSameAs(PAGE);
        assertThat(both.match("/echo", true).endpoint).isSameAs(NONE);
        assertThat(both.match("/echo/x", false).endpoint).as("426, not 404").isSameAs(NONE);
    }

    @Test
    void aPathTakesOneEndpointAndOneResource() {
        WebRoutes.Builder b = WebRoutes.builder().webSocket("/a", NONE).resource("/a", PAGE);
        assertThatThrownBy(() -> b.webSocket("/a", NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.resource("/a?x", PAGE)).isInstanceOf(IllegalArgumentException.class);
        WebRoutes built = b.build();
        b.webSocket("/b", NONE);
        assertThat(built.match("/b")).as("the table does not change with its builder").isNull();
    }

    @Test
    void originsSameHostListedOrAny() {
        OriginPolicy own = new OriginPolicy(List.of());
        assertThat(own.allows(headers(null, "example.com:8080"), false)).as("no Origin: not a browser").isTrue();
        assertThat(own.allows(headers("http://example.com:8080", "example.com:8080"), false)).isTrue();
        assertThat(own.allows(headers("http://EXAMPLE.com:8080", "example.com:8080"), false)).isTrue();
        assertThat(own.allows(headers("https://example.com", "example.com"), true)).isTrue();
        assertThat(own.allows(headers("https://example.com", "example.com"), false)).as("scheme differs").isFalse();
        assertThat(own.allows(headers("http://evil.example", "example.com:8080"), false)).isFalse();
        assertThat(own.allows(headers("null", "example.com"), false)).isFalse();
        OriginPolicy listed = new OriginPolicy(List.of("https://app.example.com"));
        assertThat(listed.allows(headers("https://app.example.com:443", "api.example.com"), true)).isTrue();
        assertThat(listed.allows(headers("http://app.example.com", "api.example.com"), true)).isFalse();
        assertThat(new OriginPolicy(List.of("*")).allows(headers("http://any.example", "x"), false)).isTrue();
    }

    @Test
    void optionsRoundTripAndValidate() {
        assertThat(HttpOptions.defaults().toBuilder().build()).isEqualTo(HttpOptions.defaults())
                .hasSameHashCodeAs(HttpOptions.defaults());
        assertThat(HttpOptions.defaults().port()).isEqualTo(8080);
        assertThat(HttpOptions.defaults().allowedOrigins()).isEmpty();
        assertThat(HttpOptions.builder().pingInterval(java.time.Duration.ofSeconds(5)).build().toString())
                .contains("pingInterval=PT5S");
        assertThatThrownBy(() -> HttpOptions.builder().maxFrameBytes(1 << 20).maxMessageBytes(1024).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpOptions.builder().port(70000).build()).isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpHeaders headers(String origin, String host) {
        HttpHeaders h = new DefaultHttpHeaders();
        if (origin != null) {
            h.set("Origin", origin);
        }
        h.set("Host", host);
        return h;
    }
}
