/**
 * The browser side of the demo server: {@link io.tether.app.web.DemoPage}, a page served by the
 * HTTP listener that uses ActionHero's websocket client against the Primus endpoint.
 */
package io.tether.app.web;
