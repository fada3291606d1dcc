/**
 * The browser side of the demo server: {@link io.tether.app.web.DemoPage}, the pages served by the
 * HTTP listener, one on ActionHero's websocket client against the Primus endpoint ({@code /}), one
 * on {@code @metarhia/jstp}'s browser build against JSTP over WebSocket ({@code /jstp.html}).
 */
package io.tether.app.web;
