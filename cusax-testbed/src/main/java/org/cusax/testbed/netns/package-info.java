/**
 * Isolated network namespaces for peers that advertise their host's default address: inside one,
 * the only addresses are loopback ones (127.0.0.1 on {@code lo}, 127.0.0.2 on a veth end), so such
 * a peer advertises and binds 127.0.0.2 and nothing it sends can leave the namespace.
 */
package org.cusax.testbed.netns;
