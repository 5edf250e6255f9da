/**
 * Connection state of each half: offline, connecting, online, reconnecting or failed, with the reason
 * and how the connection is secured; plus the jittered exponential backoff used to reconnect.
 */
package org.cusax.core.connection;
