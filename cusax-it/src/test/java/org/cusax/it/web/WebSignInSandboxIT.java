package org.cusax.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cusax.it.support.CliProcess;
import org.cusax.it.support.HeadlessChromium;
import org.cusax.sandbox.Sandbox;
import org.cusax.sandbox.SandboxOptions;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.secrets.TestPasswords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 11's sign-in form (RFC 7081 §2: one identity for both halves, provisioning over HTTPS): {@code cusax serve
 * --sign-in} (a child JVM, no config yet) against the sandbox's provisioning server, in Debian's headless Chromium.
 * At 1280×800: the one-time link leads to the form; a wrong password is refused in the form (sign-in-refused) and
 * keeps nothing; the right one keeps the config and password files (600), starts the session on the same port
 * (the cookie stays valid), both badges come online and the contact list shows. Sign out returns to the form; at
 * 390×844 the same sign-in again; then, signed out again, manual settings (the sandbox's servers typed in) sign in
 * as well; another user's wrong tries end throttled, said in the form; a second daemon that does not trust the
 * provisioning server's certificate says so in the form. Neither the page, the browser's storage nor the daemon's output holds either
 * password or the API token.
 */
class WebSignInSandboxIT {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    @Test
    void signInWithUserIdAndPasswordFromThePageAtBothWidths() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withWorkDir(dir.resolve("sandbox")))) {
            String password = TestPasswords.next();
            String wrong = TestPasswords.next();
            String jid = directoryUser(sandbox, "webin", password);
            Path home = Files.createDirectories(dir.resolve("home"));
            Path conf = home.resolve("config").resolve("cusax.conf");
            try (CliProcess serve = CliProcess.start(ProcessHost.LOCAL, dir, "serve-signed-out",
                    List.of("serve", "--json", "-v", "--sign-in", "--provisioning-url", sandbox.provisioningUrl().toString(),
                            "--trust-store", sandbox.caCertificateFile().toString(), "-c", conf.toString()),
                    Map.of("HOME", home.toString()));
                 HeadlessChromium chromium = HeadlessChromium.start(dir, 1280, 800, false)) {
                JsonNode started = serve.await("daemon-started", STARTUP);
                assertThat(started.path("state").asText()).isEqualTo("signed-out");
                String page = started.path("page").asText();
                Path tokenFile = Path.of(started.path("tokenFile").asText());
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
                String token = Files.readString(tokenFile).strip();
                String secondLink;
                try (CliProcess webLink = CliProcess.start(ProcessHost.LOCAL, dir, "web-link",
                        List.of("web-link", "--json", "-c", conf.toString()), Map.of("HOME", home.toString()))) {
                    assertThat(webLink.awaitExit(STARTUP)).as(webLink.output()).isZero();
                    secondLink = webLink.await("web-link", STARTUP).path("link").asText();
                }
                assertThat(secondLink).as("cusax web-link finds a daemon started signed out").startsWith(page + "signin?code=");
                ChromeDriver driver = chromium.driver();
                WebDriverWait wait = chromium.waiting(WAIT);

                driver.get(started.path("signInLink").asText());
                wait.until(ExpectedConditions.urlToBe(page));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
                assertThat(driver.findElement(By.id("badge-chat")).isDisplayed()).as("no badges while signed out").isFalse();
                chromium.screenshot(SCREENSHOTS.resolve("signin-1280.png"));
                driver.findElement(By.cssSelector("#manual summary")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("manual-jid")));
                chromium.screenshot(SCREENSHOTS.resolve("signin-manual-1280.png"));
                driver.findElement(By.cssSelector("#manual summary")).click();

                // the wrong password: refused in the form, nothing kept
                signIn(driver, jid, wrong);
                wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-signin", "sign-in-refused"));
                assertThat(driver.findElement(By.id("signin-error")).getText()).startsWith("Wrong user id or password.");
                assertThat(driver.findElement(By.id("signin-password")).getAttribute("value")).as("cleared").isEmpty();
                assertThat(conf).doesNotExist();
                assertThat(conf.resolveSibling("cusax.password")).doesNotExist();
                chromium.screenshot(SCREENSHOTS.resolve("signin-refused-1280.png"));

                // the right one: provisioned, kept, the session starts on this very page
                signIn(driver, jid, password);
                signedInAndContactsShown(driver, wait, serve);
                assertThat(driver.getCurrentUrl()).isEqualTo(page);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf))).isEqualTo("rw-------");
                Path passwordFile = conf.resolveSibling("cusax.password");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
                assertThat(Files.readString(conf)).contains("provisioning.url = " + sandbox.provisioningUrl())
                        .doesNotContain(password);
                assertThat(tokenFile).as("the signed-out token file gives way to the account's").doesNotExist();
                chromium.screenshot(SCREENSHOTS.resolve("signed-in-1280.png"));
                noSecrets(driver, serve, List.of(token, wrong, password));

                // sign out: back to the form (the cookie still holds); at phone width the same sign-in again
                driver.findElement(By.id("sign-out")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
                chromium.resize(390, 844);
                driver.get(secondLink); // the link from cusax web-link works too
                wait.until(ExpectedConditions.urlToBe(page));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
                chromium.screenshot(SCREENSHOTS.resolve("signin-390.png"));
                signIn(driver, jid, password);
                signedInAndContactsShown(driver, wait, serve);
                chromium.screenshot(SCREENSHOTS.resolve("signed-in-390.png"));
                noSecrets(driver, serve, List.of(token, wrong, password));

                // manual settings (a service without provisioning): the same servers, typed in
                driver.findElement(By.id("sign-out")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
                chromium.resize(1280, 800);
                driver.findElement(By.cssSelector("#manual summary")).click();
                type(driver, "manual-jid", jid);
                type(driver, "manual-xmpp-host", "127.0.0.1");
                type(driver, "manual-xmpp-port", Integer.toString(sandbox.xmpp().port()));
                type(driver, "manual-aor", "sip:" + jid);
                type(driver, "manual-proxy", "127.0.0.1");
                type(driver, "manual-sip-port", Integer.toString(sandbox.sip().tlsPort()));
                type(driver, "manual-password", password);
                driver.findElement(By.id("manual-submit")).click();
                signedInAndContactsShown(driver, wait, serve);
                String manual = Files.readString(conf);
                assertThat(manual).contains("manual settings from the web page", "xmpp.port = " + sandbox.xmpp().port(),
                        "sip.proxy.port = " + sandbox.sip().tlsPort()).doesNotContain("provisioning.url", password);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf))).isEqualTo("rw-------");
                noSecrets(driver, serve, List.of(token, wrong, password));

                // too many wrong tries (another user): the form says so, with the wait the server gave
                driver.findElement(By.id("sign-out")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
                String other = directoryUser(sandbox, "webthrottled", TestPasswords.next());
                String state = "";
                for (int i = 0; i < 10 && !state.equals("throttled"); i++) {
                    signIn(driver, other, wrong);
                    wait.until(d -> !"running".equals(d.findElement(By.tagName("body")).getAttribute("data-signin")));
                    state = driver.findElement(By.tagName("body")).getAttribute("data-signin");
                    assertThat(state).isIn("sign-in-refused", "throttled");
                }
                assertThat(state).as("throttled within 10 tries").isEqualTo("throttled");
                assertThat(driver.findElement(By.id("signin-error")).getText()).startsWith("Too many attempts");
                noSecrets(driver, serve, List.of(token, wrong, password));
            }

            // a provisioning server whose certificate this daemon does not trust (no --trust-store): said in the form
            try (CliProcess untrusting = CliProcess.start(ProcessHost.LOCAL, dir, "serve-untrusting",
                    List.of("serve", "--json", "--sign-in", "--provisioning-url", sandbox.provisioningUrl().toString(),
                            "-c", dir.resolve("home2").resolve("cusax.conf").toString()),
                    Map.of("HOME", Files.createDirectories(dir.resolve("home2")).toString()));
                 HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium2"), 1280, 800, false)) {
                JsonNode started = untrusting.await("daemon-started", STARTUP);
                ChromeDriver driver = chromium.driver();
                driver.get(started.path("signInLink").asText());
                WebDriverWait wait = chromium.waiting(WAIT);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
                signIn(driver, jid, password);
                wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-signin", "provisioning-failed"));
                assertThat(driver.findElement(By.id("signin-error")).getText())
                        .startsWith("The provisioning server's certificate is not trusted");
                assertThat(dir.resolve("home2").resolve("cusax.conf")).doesNotExist();
                chromium.screenshot(SCREENSHOTS.resolve("signin-certificate-1280.png"));
                noSecrets(driver, untrusting, List.of(password));
            }
        }
    }

    /**
     * A person in the sandbox's directory only, as an operator adds one: both halves get their credentials from
     * there (SCRAM, digest HA1), so that provisioning, XMPP and SIP all accept this password; Alice is a contact.
     */
    private static String directoryUser(Sandbox sandbox, String name, String password) {
        sandbox.directory().add(name, "Web Sign-in", List.of(), password);
        sandbox.sip().addUserWithHa1(name, sandbox.directory().digestHa1(name));
        sandbox.xmpp().addUser(name, sandbox.directory().scramSha1(name));
        sandbox.xmpp().addRosterItem(name, "alice", "Alice Martin", "Web Sign-in");
        return name + "@" + sandbox.domain();
    }

    private static void type(ChromeDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void signIn(ChromeDriver driver, String user, String password) {
        WebElement id = driver.findElement(By.id("signin-user"));
        id.clear();
        id.sendKeys(user);
        driver.findElement(By.id("signin-password")).sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
    }

    private static void signedInAndContactsShown(ChromeDriver driver, WebDriverWait wait, CliProcess serve) {
        try {
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-session", "signed-in"));
            wait.until(ExpectedConditions.attributeToBe(By.id("badge-chat"), "data-state", "online"));
            wait.until(ExpectedConditions.attributeToBe(By.id("badge-telephony"), "data-state", "online"));
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#contact-list li.contact"), 0));
        } catch (org.openqa.selenium.TimeoutException e) {
            String out = serve.output();
            throw new AssertionError(e.getMessage() + "\n--- the page said: " + driver.findElement(By.id("signin"))
                    .getText() + "\n--- the daemon's output (last 6,000 characters) ---\n"
                    + out.substring(Math.max(0, out.length() - 6000)), e);
        }
        assertThat(driver.findElement(By.id("signin")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("contact-list")).getText()).contains("Alice");
    }

    private static void noSecrets(ChromeDriver driver, CliProcess serve, List<String> secrets) {
        String storage = (String) driver.executeScript(
                "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
        String source = driver.getPageSource();
        String output = serve.output();
        for (String secret : secrets) {
            assertThat(source).doesNotContain(secret);
            assertThat(storage).doesNotContain(secret);
            assertThat(output).doesNotContain(secret);
        }
    }
}
