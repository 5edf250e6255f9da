package org.cusax.testbed.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A configuration file from {@code deploy/} whose "site settings" block (the lines between the
 * first line ending with {@code >>> site settings} and the next line ending with
 * {@code <<< site settings}) is
 * replaced for one run. Everything else is used verbatim, so tests run exactly what operators get.
 *
 * <p>The files are packed into this jar under {@code cusax-deploy/}. Setting the system property
 * {@code cusax.deploy.dir} to a {@code deploy/} directory reads them from there instead.
 */
public final class DeployTemplate {

    /** System property naming a deploy/ directory to read templates from instead of the jar. */
    public static final String DEPLOY_DIR_PROPERTY = "cusax.deploy.dir";
    static final String BEGIN = ">>> site settings";
    static final String END = "<<< site settings";

    private final String name;
    private final String text;

    private DeployTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Loads {@code relativePath} (e.g. {@code "prosody/prosody.cfg.lua"}) from deploy/. */
    public static DeployTemplate load(String relativePath) {
        String dir = System.getProperty(DEPLOY_DIR_PROPERTY);
        try {
            if (dir != null && !dir.isBlank()) {
                return new DeployTemplate(relativePath, Files.readString(Path.of(dir, relativePath)));
            }
            String resource = "/cusax-deploy/" + relativePath;
            try (InputStream in = DeployTemplate.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("deploy file " + resource + " is not on the class path;"
                            + " build cusax-testbed with Maven or set -D" + DEPLOY_DIR_PROPERTY + "=/path/to/deploy");
                }
                return new DeployTemplate(relativePath, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read deploy file " + relativePath + ": " + e.getMessage(), e);
        }
    }

    /** The template text as shipped. */
    public String text() {
        return text;
    }

    /**
     * The template with its site-settings block replaced by {@code siteLines} (the marker lines
     * stay). {@code siteLines} must end with a newline.
     */
    public String render(String siteLines) {
        String[] lines = text.split("\n", -1);
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (begin < 0 && line.endsWith(BEGIN)) {
                begin = i;
            } else if (begin >= 0 && line.endsWith(END)) {
                end = i;
                break;
            }
        }
        if (begin < 0 || end < 0) {
            throw new IllegalStateException("deploy file " + name + " has no '" + BEGIN + "' ... '" + END
                    + "' block (marker lines must end with these words)");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= begin; i++) {
            b.append(lines[i]).append('\n');
        }
        b.append(siteLines);
        for (int i = end; i < lines.length; i++) {
            b.append(lines[i]);
            if (i < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Renders and writes the result to {@code target}. */
    public Path renderTo(Path target, String siteLines) {
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, render(siteLines), StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
