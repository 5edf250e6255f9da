package org.cusax.app;

import java.nio.file.Path;

import org.cusax.app.assembly.CusaxAssembly;
import org.cusax.app.cli.CusaxCli;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point of the {@code cusax} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        String home = System.getenv("HOME");
        CusaxCli cli = new CusaxCli(new CusaxAssembly(), System.getenv(),
                Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")), System.out, System.err);
        int code = cli.execute(args);
        System.exit(code);
    }
}
