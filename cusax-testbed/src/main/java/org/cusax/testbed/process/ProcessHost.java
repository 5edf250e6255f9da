package org.cusax.testbed.process;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.BindException;
import java.net.SocketException;
import java.util.List;

/**
 * Where the testbed runs its programs: this machine's own network ({@link #LOCAL}), or an isolated
 * network namespace ({@code org.cusax.testbed.netns.IsolatedHost}) whose addresses only its own
 * programs can reach. Readiness checks of a server go through its host, since only programs in the
 * same network can reach it.
 */
public interface ProcessHost {

    /** This machine's network: commands run as they are. */
    ProcessHost LOCAL = new ProcessHost() {
        @Override
        public List<String> command(List<String> command) {
            return List.copyOf(command);
        }

        @Override
        public boolean tcpOpen(String address, int port) {
            return Waits.tcpOpen(address, port);
        }

        @Override
        public boolean udpBound(String address, int port) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port))) {
                return s.getLocalPort() != port;
            } catch (BindException e) {
                return true;
            } catch (SocketException e) {
                return false;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "local";
        }
    };

    /** The program and arguments that run {@code command} on this host. */
    List<String> command(List<String> command);

    /** True if a TCP connection to {@code address:port} on this host succeeds now. */
    boolean tcpOpen(String address, int port);

    /** True if some program of this host has bound UDP {@code address:port}. */
    boolean udpBound(String address, int port);
}
