/**
 * Canonical text of outgoing JSTP messages and the mapping of failures to error arrays.
 *
 * <pre>{@code
 * String text = JstpText.callbackOk(3, List.of(42));           // {callback:[3],ok:[42]}
 * String err = JstpText.callbackError(4, JstpErrors.of(ex, "calc.add"));  // {callback:[4],error:[16,"internal error (ref …)"]}
 * }</pre>
 */
package io.tether.server.jstp.wire;
