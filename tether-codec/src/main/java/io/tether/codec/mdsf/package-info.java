/**
 * mdsf, the JavaScript-literal serialization of JSTP (spec §3): a lenient reader for the
 * full input grammar and a writer of the canonical form.
 *
 * <pre>{@code
 * Map<String, Object> msg = Mdsf.parseMessage("{ call: [3, 'calc'], divide: [0x14, .5,], }");
 * List<?> header = (List<?>) msg.get("call");              // [3L, "calc"]
 * String text = Mdsf.stringify(Map.of("ok", List.of(42)));  // "{ok:[42]}"
 * MdsfReader strict = MdsfReader.withMaxDepth(64);          // tighter nesting cap
 * }</pre>
 *
 * <p>Values: {@code LinkedHashMap}, {@code ArrayList} (holes are {@link
 * io.tether.codec.mdsf.Mdsf#UNDEFINED}), {@code String}, {@code Long} (integral, within
 * ±2^53), {@code Double}, {@code Boolean}, {@code null}.
 */
package io.tether.codec.mdsf;
