package io.tether.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.api.Input;
import io.tether.core.action.ActionRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** paramAdd's whitelist is the socket protocol's own names plus every declared input (not core's business). */
class StickyParamsPolicyTest {
    @Test
    void protocolNamesAndDeclaredInputsMayBeAddedOthersNot() {
        ActionRegistry registry = new ActionRegistry().register(Action.named("greet").input(Input.named("name"))
                .handler(ctx -> Map.of()).build());
        for (String always : new String[] {"file", "apiVersion", "callback", "action", "messageId"}) {
            assertThat(StickyParamsPolicy.mayAdd(registry, always)).as(always).isTrue();
        }
        assertThat(StickyParamsPolicy.mayAdd(registry, "name")).isTrue();
        assertThat(StickyParamsPolicy.mayAdd(registry, "undeclared")).isFalse();
        assertThat(registry.isInputName("messageId")).as("core knows only declared inputs").isFalse();
    }
}
