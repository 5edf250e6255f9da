/**
 * The client side of the daemon: finds the daemon running for the configured account (lock and token
 * files) and sends it commands over HTTP and reads its events over a WebSocket (JDK {@code java.net.http}).
 */
package org.cusax.app.remote;
