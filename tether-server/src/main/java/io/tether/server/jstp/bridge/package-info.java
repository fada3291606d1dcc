/**
 * What makes JSTP part of Tether: the core's actions as the {@code api} interface and the
 * shared rooms as the {@code chat} interface of every hosted application.
 *
 * <pre>{@code
 * // client side, over JSTP:
 * {call:[1,'api'],echo:[{text:'hi'}]}   -> {callback:[1],ok:[{text:'hi'}]}
 * {call:[2,'api'],echo:['hi']}          -> positional, in declared input order
 * {call:[3,'chat'],join:['defaultRoom']} -> {callback:[3],ok:[]}
 * }</pre>
 */
package io.tether.server.jstp.bridge;
