/**
 * mdsf, the JavaScript-literal serialization of JSTP: a lenient reader for the
 * full input grammar and a writer of the canonical form.
 *
 * <pre>{@code
 * Map<String, Object> msg = Mdsf.parseMessage("{ call: [3, 'calc'], divide: [0x14, .5,], }");
 * List<?> header = (List<?>) msg.get("call");              // [3L, "calc"]
 * String text = Mdsf.stringify(Map.of("ok", List.of(42)));  // "{ok:[42]}"
 * MdsfReader strict = MdsfReader.withMaxDepth(64);          // tighter nesting cap
 * MdsfReader small = MdsfReader.of(MdsfLimits.defaults().toBuilder().maxElements(1_000).build());
 * }</pre>
 *
 * <p>Every reader is bounded by {@link io.tether.codec.mdsf.MdsfLimits} (nesting depth 512,
 * 100,000 values per text, number literals of 1,000 characters by default), so parsing
 * untrusted text costs time and memory linear in its length; a text over a limit throws
 * {@link io.tether.codec.mdsf.MdsfLimitException}.
 *
 * <p>Values: {@code LinkedHashMap}, {@code ArrayList} (holes are {@link
 * io.tether.codec.mdsf.Mdsf#UNDEFINED}), {@code String}, {@code Long} (integral, within
 * ±2^53), {@code Double}, {@code Boolean}, {@code null}.
 */
package io.tether.codec.mdsf;
