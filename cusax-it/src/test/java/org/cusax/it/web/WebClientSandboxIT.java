package org.cusax.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.cusax.it.support.CliProcess;
import org.cusax.it.support.HeadlessChromium;
import org.cusax.sandbox.Sandbox;
import org.cusax.sandbox.SandboxOptions;
import org.cusax.sandbox.peers.DemoPeers;
import org.cusax.testbed.process.ProcessHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 11: the web client served by {@code cusax serve} (a child JVM) on the sandbox, in Debian's headless
 * Chromium, at 1280×800 and at 390×844: signs in through the one-time link (HttpOnly, SameSite=Strict
 * cookie; the link works once), shows both halves online, filters the contact list, calls the greeting
 * peer (call panel, running timer, RFC 3261 call through the daemon), chats with the echo peer both ways
 * (XEP-0198 acknowledged, echoed back; a message on its way survives the timeline refresh after a call, a chat
 * opened twice while it loads is loaded once), and keeps the password and API token out of the page, the
 * browser's storage and the daemon's log. Saves screenshots of the main screens in target/screenshots.
 */
class WebClientSandboxIT {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    @Test
    void signInCallAndChatAtDesktopAndPhoneWidths() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withWorkDir(dir.resolve("sandbox")))) {
            String password = org.cusax.testbed.secrets.TestPasswords.next(); // distinctive, to be sought in page and log
            Path conf = webUser(sandbox, password);
            try (CliProcess serve = CliProcess.start(ProcessHost.LOCAL, dir, "serve",
                    List.of("serve", "--json", "-v", "-c", conf.toString()));
                 HeadlessChromium chromium = HeadlessChromium.start(dir, 1280, 800)) {
                JsonNode started = serve.await("daemon-started", STARTUP);
                String link = started.path("signInLink").asText();
                String page = started.path("page").asText();
                assertThat(link).startsWith(page + "signin?code=");
                String token = Files.readString(Path.of(started.path("tokenFile").asText())).strip();
                ChromeDriver driver = chromium.driver();
                chromium.resize(1280, 800);

                driver.get(link);
                WebDriverWait wait = waiting(chromium);
                wait.until(ExpectedConditions.urlToBe(page));
                Cookie cookie = driver.manage().getCookieNamed("cusax_session_" + started.path("url").asText().replaceAll(".*:", ""));
                assertThat(cookie).as("the session cookie").isNotNull();
                assertThat(cookie.isHttpOnly()).isTrue();
                assertThat(cookie.getSameSite()).isEqualTo("Strict");
                assertThat(cookie.getPath()).isEqualTo("/");
                assertThat(cookie.getValue()).isNotEqualTo(token);
                assertThat(driver.executeScript("return document.cookie")).as("scripts cannot read it").isEqualTo("");

                withDaemonOutput(serve, () -> scenario(chromium, sandbox, "1280", 1));
                withDaemonOutput(serve, () -> aMessageOnItsWayOutlivesTheTimelineRefreshAfterACall(chromium, sandbox));
                withDaemonOutput(serve, () -> openingAChatTwiceWhileItLoadsLoadsItOnce(chromium, sandbox));
                String second;
                try (CliProcess webLink = CliProcess.start(ProcessHost.LOCAL, dir, "web-link",
                        List.of("web-link", "--json", "-c", conf.toString()))) {
                    assertThat(webLink.awaitExit(STARTUP)).as(webLink.output()).isZero();
                    second = webLink.await("web-link", WAIT).path("link").asText();
                }
                assertThat(second).startsWith(page + "signin?code=").isNotEqualTo(link);
                chromium.resize(390, 844);
                driver.get(second);
                wait.until(ExpectedConditions.urlToBe(page));
                withDaemonOutput(serve, () -> scenario(chromium, sandbox, "390", 2));

                withDaemonOutput(serve, () -> incomingMissedAndCallBack(chromium, sandbox, "390"));

                driver.get(link);
                assertThat(driver.findElement(By.tagName("h1")).getText()).as("the link works once")
                        .contains("not valid");
                driver.get(page);
                wait.until(ExpectedConditions.attributeToBe(By.id("badge-chat"), "data-state", "online"));

                String storage = (String) driver.executeScript(
                        "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
                for (String secret : List.of(token, password)) {
                    assertThat(driver.getPageSource()).doesNotContain(secret);
                    assertThat(storage).doesNotContain(secret);
                    assertThat(serve.output()).doesNotContain(secret);
                }
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a step; when the page waited in vain, the failure carries what the daemon said (its log). */
    private static void withDaemonOutput(CliProcess serve, Step step) throws Exception {
        try {
            step.run();
        } catch (org.openqa.selenium.TimeoutException e) {
            String out = serve.output();
            throw new AssertionError(e.getMessage() + "\n--- the daemon's output (last 6,000 characters) ---\n"
                    + out.substring(Math.max(0, out.length() - 6000)), e);
        }
    }

    /** One pass over the main screens at the current width; screenshots named after {@code width}. */
    private void scenario(HeadlessChromium chromium, Sandbox sandbox, String width, int calls) throws Exception {
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = waiting(chromium);
        // the first sign-in may come before the daemon's registration is through (a loaded machine: the full
        // run once timed out here after 30 s with Telephony still connecting): as long as the daemon's start-up
        org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> startup = waiting(chromium).withTimeout(STARTUP);
        startup.until(ExpectedConditions.attributeToBe(By.id("badge-chat"), "data-state", "online"));
        startup.until(ExpectedConditions.attributeToBe(By.id("badge-telephony"), "data-state", "online"));
        assertThat(driver.findElement(By.id("badge-chat")).getText()).contains("Chat").contains("Online");
        assertThat(driver.findElement(By.id("badge-telephony")).getText()).contains("Telephony").contains("Online");
        String echo = sandbox.echoJid();
        String greeting = sandbox.greetingAor().replaceFirst("^sip:", "");
        wait.until(ExpectedConditions.presenceOfElementLocated(contact(echo)));
        wait.until(ExpectedConditions.presenceOfElementLocated(contact(greeting)));
        chromium.screenshot(SCREENSHOTS.resolve("contacts-" + width + ".png"));
        assertThat(driver.executeScript("return [...document.querySelectorAll('button, input')]"
                + ".filter(e => e.offsetParent !== null && !(e.getAttribute('aria-label') || e.textContent.trim()"
                + " || (e.id && document.querySelector('label[for=' + e.id + ']'))))"
                + ".map(e => e.outerHTML)")).as("visible controls without an accessible name").asList().isEmpty();

        WebElement filter = driver.findElement(By.id("filter"));
        filter.sendKeys("echo");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#contact-list li.contact"), 1));
        assertThat(driver.findElement(By.cssSelector("#contact-list li.contact")).getAttribute("data-jid")).isEqualTo(echo);
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), "greet");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#contact-list li.contact"), 1));

        driver.findElement(By.cssSelector("li.contact[data-jid='" + greeting + "'] button.call")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incall")));
        wait.until(ExpectedConditions.textToBe(By.id("incall-state"), "In call"));
        wait.until(ExpectedConditions.textMatches(By.id("incall-timer"), java.util.regex.Pattern.compile("0:0[1-9]")));
        assertThat(driver.findElement(By.id("incall-who")).getText()).contains("Greeting");
        chromium.screenshot(SCREENSHOTS.resolve("call-" + width + ".png"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("incall"))); // the peer hangs up
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#contact-list li.contact"), 2));

        driver.findElement(By.id("tab-history")).click();
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.xpath("//ul[@id='call-history']/li[contains(., 'Answered')]"), calls - 1));
        chromium.screenshot(SCREENSHOTS.resolve("history-" + width + ".png"));
        driver.findElement(By.id("tab-contacts")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.contact[data-jid='" + echo + "'] .contact-open"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-text")));
        String text = "hello from the browser at " + width + " px";
        driver.findElement(By.id("chat-text")).sendKeys(text, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.xpath("//ol[@id='timeline']/li[contains(@class,'out')][p[text()='" + text
                + "']]/span[@class='state']"), "acknowledged"));
        By echoed = By.xpath("//ol[@id='timeline']/li[contains(@class,'in')]/p[text()='" + text + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(echoed));
        chromium.screenshot(SCREENSHOTS.resolve("chat-" + width + ".png"));
    }

    /**
     * A call that ends makes the page load the history again and, when no message of the open chat awaits its
     * outcome, render the open timeline anew (the call joins it). A message whose chat command is still on its
     * way has no id yet: it used to count as nothing awaited, its line was replaced by the history's (which does
     * not know it yet) and it never showed its state. The page holds the chat command (its fetch) until the call
     * has ended and the history was loaded again, then lets it go: the line must still be there, acknowledged.
     */
    private void aMessageOnItsWayOutlivesTheTimelineRefreshAfterACall(HeadlessChromium chromium, Sandbox sandbox)
            throws Exception {
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = waiting(chromium);
        String greeting = sandbox.greetingAor().replaceFirst("^sip:", "");
        holdCommands(driver, "chat");
        try {
            String text = "sent while a call ends";
            driver.findElement(By.id("chat-text")).sendKeys(text, Keys.ENTER);
            wait.until(d -> Long.valueOf(1).equals(driver.executeScript("return window.__held.length")));
            By line = By.xpath("//ol[@id='timeline']/li[contains(@class,'out')][p[text()='" + text + "']]");
            assertThat(driver.findElement(line).findElement(By.className("state")).getText()).isEqualTo("sending");
            int history = driver.findElements(By.cssSelector("#call-history li")).size();
            driver.findElement(By.cssSelector("li.contact[data-jid='" + greeting + "'] button.call")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incall")));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("incall"))); // the peer hangs up
            // the history loaded again after the call (the timeline, had it been rendered anew, went with it)
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#call-history li"), history));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-text")));
            driver.executeScript("window.__held.shift()()");
            wait.until(ExpectedConditions.textToBe(By.xpath("//ol[@id='timeline']/li[contains(@class,'out')][p[text()='"
                    + text + "']]/span[@class='state']"), "acknowledged"));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//ol[@id='timeline']/li[contains(@class,'in')]/p[text()='" + text + "']")));
        } finally {
            releaseCommands(driver);
        }
    }

    /**
     * A chat opened twice while its history loads (a double click; the refresh after a call does the same) loads
     * it once: a second load rendered after the first replaced what was written in between into the first.
     */
    private void openingAChatTwiceWhileItLoadsLoadsItOnce(HeadlessChromium chromium, Sandbox sandbox) throws Exception {
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = waiting(chromium);
        By open = By.cssSelector("li.contact[data-jid='" + sandbox.echoJid() + "'] .contact-open");
        holdCommands(driver, "history");
        try {
            driver.findElement(open).click();
            driver.findElement(open).click();
            assertThat(driver.executeScript("return window.__held.length")).as("history requests").isEqualTo(1L);
            driver.executeScript("window.__held.shift()()");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-text")));
            String text = "after a double click";
            driver.findElement(By.id("chat-text")).sendKeys(text, Keys.ENTER);
            wait.until(ExpectedConditions.textToBe(By.xpath("//ol[@id='timeline']/li[contains(@class,'out')][p[text()='"
                    + text + "']]/span[@class='state']"), "acknowledged"));
        } finally {
            releaseCommands(driver);
        }
    }

    /** The page's requests for {@code command} wait (in {@code window.__held}) until the test lets each go. */
    private static void holdCommands(ChromeDriver driver, String command) {
        driver.executeScript("window.__held = []; window.__fetch = window.__fetch || window.fetch;"
                + "window.fetch = (url, opts) => String(url).endsWith('/commands/" + command + "')"
                + " ? new Promise((ok, ko) => window.__held.push(() => window.__fetch(url, opts).then(ok, ko)))"
                + " : window.__fetch(url, opts);");
    }

    /** The page's requests go out at once again, those still held too. */
    private static void releaseCommands(ChromeDriver driver) {
        driver.executeScript("if (window.__fetch) { window.fetch = window.__fetch; }"
                + " (window.__held || []).splice(0).forEach((go) => go());");
    }

    /**
     * Alice (her own daemon, in this JVM) calls: the incoming-call panel names her and how she was matched
     * (RFC 7081 §5 binding), rings and notifies; Answer takes the call (RFC 3261 §13.3.1.4: 200 OK, ACK: "In call",
     * timer running), Mute and Hang up (BYE) work; her next call is declined (603); her third call, cancelled
     * before an answer, is marked missed in the history, and Call back dials the address she called from (she
     * declines); her contact's Call button offers the registry's choice of her two numbers.
     */
    private void incomingMissedAndCallBack(HeadlessChromium chromium, Sandbox sandbox, String width) throws Exception {
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = waiting(chromium);
        org.cusax.sandbox.demo.DemoUser alice = sandbox.users().stream().filter(u -> u.name().equals("alice"))
                .findFirst().orElseThrow();
        Path aliceConf = Files.writeString(dir.resolve("alice.conf"), Files.readString(alice.configFile())
                + "\ndaemon.state-dir = " + dir.resolve("alice-state") + "\n");
        org.cusax.core.config.ClientConfig config = new org.cusax.core.config.ClientConfigLoader(java.util.Map.of(), dir)
                .load(org.cusax.core.config.ConfigFile.read(aliceConf));
        try (org.cusax.app.daemon.Daemon daemon = org.cusax.app.daemon.Daemon.start(config,
                new org.cusax.app.assembly.CusaxAssembly(), new java.security.SecureRandom())) {
            org.cusax.app.remote.DaemonConnection api = org.cusax.app.remote.DaemonConnection.find(config).orElseThrow();
            assertThat(api.command("status", java.util.Map.of("settleMs", 30_000)).ok()).isTrue();
            String me = "sip:webuser@" + sandbox.domain();

            chromium.recordNotifications();
            api.command("call", java.util.Map.of("target", me, "answerTimeoutMs", 60_000));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incoming")));
            assertThat(driver.findElement(By.id("incoming-who")).getText()).isEqualTo("Alice Martin");
            assertThat(driver.findElement(By.id("incoming-how")).getText()).startsWith("alice@" + sandbox.domain() + ", matched by");
            assertThat(driver.findElement(By.id("incoming-chat")).isDisplayed()).as("Chat with the bound contact").isTrue();
            assertThat(driver.findElement(By.tagName("body")).getAttribute("data-ringing")).as("the ring sounds").isEqualTo("on");
            assertThat(chromium.notifications()).as("browser notifications").contains("Incoming call: Alice Martin");
            chromium.screenshot(SCREENSHOTS.resolve("incoming-" + width + ".png"));
            // the answer's reply (taken before Alice's ACK: "ringing") reaches the page after the call-answered event
            chromium.delayCommandAnswers("answer", 1500);
            driver.findElement(By.id("answer")).click();
            wait.until(ExpectedConditions.textToBe(By.id("incall-state"), "In call"));
            wait.until(d -> chromium.heldBackAnswers() == 1); // the reply was delivered...
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-call-commands", "0")); // ...and applied
            assertThat(driver.findElement(By.id("incall-state")).getText()).as("not taken back to ringing").isEqualTo("In call");
            assertThat(driver.findElement(By.id("incoming")).isDisplayed()).isFalse();
            chromium.driver().navigate().refresh(); // the page's own fetch again, for what follows
            wait.until(ExpectedConditions.textToBe(By.id("incall-state"), "In call"));
            assertThat(driver.findElement(By.id("incall-who")).getText()).isEqualTo("Alice Martin");
            assertThat(driver.findElement(By.tagName("body")).getAttribute("data-ringing")).as("the ring stopped").isNull();
            assertThat(liveCalls(api)).as("Alice's side of the call").isEqualTo(1);
            driver.findElement(By.id("mute")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("mute"), "aria-pressed", "true"));
            wait.until(ExpectedConditions.textMatches(By.id("incall-timer"), java.util.regex.Pattern.compile("0:0[1-9]")));
            driver.executeScript("window.scrollTo(0, 0)");
            chromium.screenshot(SCREENSHOTS.resolve("answered-" + width + ".png"));
            // the call panel's Audio device: the running call moves to the sound system's default speaker
            driver.findElement(By.cssSelector("#incall-devices summary")).click();
            wait.until(d -> d.findElements(By.cssSelector("#incall-output option[value='default']")).size() == 1);
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("incall-output"))).selectByValue("default");
            wait.until(ExpectedConditions.attributeToBe(By.id("incall-output"), "data-active", "default"));
            assertThat(driver.findElement(By.id("incall-state")).getText()).as("the call goes on").isEqualTo("In call");
            driver.findElement(By.id("hangup")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("incall")));
            org.cusax.it.support.Await.until("Alice's call ended", WAIT, () -> liveCalls(api) == 0);
            api.command("call", java.util.Map.of("target", me, "answerTimeoutMs", 60_000));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incoming")));
            driver.findElement(By.id("decline")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("incoming")));
            org.cusax.it.support.Await.until("Alice's call ended", WAIT, () -> liveCalls(api) == 0);

            String missed = String.valueOf(((java.util.Map<?, ?>) api.command("call",
                    java.util.Map.of("target", me, "answerTimeoutMs", 60_000)).data()).get("callId"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incoming")));
            assertThat(api.command("hangup", java.util.Map.of("callId", missed)).ok()).isTrue();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("incoming")));
            driver.findElement(By.id("tab-history")).click();
            By missedEntry = By.cssSelector("#call-history li.missed");
            wait.until(ExpectedConditions.presenceOfElementLocated(missedEntry));
            assertThat(driver.findElement(missedEntry).getText()).contains("Alice Martin").contains("Missed");
            chromium.screenshot(SCREENSHOTS.resolve("missed-" + width + ".png"));

            driver.findElement(missedEntry).findElement(By.cssSelector("button.call")).click(); // the address that called
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incall")));
            assertThat(driver.findElement(By.id("incall-who")).getText()).isEqualTo("Alice Martin");
            org.cusax.it.support.Await.until("Alice's phone rings", WAIT,
                    () -> liveCalls(api) > 0);
            assertThat(api.command("reject", java.util.Map.of()).ok()).isTrue();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("incall")));
            driver.findElement(By.id("tab-contacts")).click();

            // Alice's contact has two numbers: its Call button offers the registry's choices (Escape closes them)
            driver.findElement(By.cssSelector("li.contact[data-jid='alice@" + sandbox.domain() + "'] button.call")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu")));
            assertThat(driver.findElements(By.cssSelector("#menu-choices button"))).as("the registry's choices").hasSizeGreaterThanOrEqualTo(2);
            chromium.screenshot(SCREENSHOTS.resolve("number-menu-" + width + ".png"));
            driver.findElement(By.id("menu-cancel")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("menu")));
            assertThat(liveCalls(api)).as("no call placed").isZero();

            // RFC 7081 §5: a call that leaves our service is dialled only once confirmed
            driver.findElement(By.id("tab-dial")).click();
            driver.findElement(By.id("dial-target")).sendKeys("sip:someone@example.org", Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            assertThat(driver.findElement(By.id("confirm-text")).getText()).startsWith("sip:someone@example.org: ")
                    .contains("example.org");
            chromium.screenshot(SCREENSHOTS.resolve("confirm-" + width + ".png"));
            driver.findElement(By.id("confirm-cancel")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm")));
            assertThat(driver.findElement(By.id("incall")).isDisplayed()).as("nothing dialled").isFalse();
            // the daemon's sound devices for the next call
            driver.findElement(By.cssSelector("#audio-devices summary")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("audio-devices-note"), "Loading…")));
            assertThat(driver.findElements(By.cssSelector("#audio-input option"))).as("configured, default, none, devices")
                    .hasSizeGreaterThanOrEqualTo(3);
            driver.findElement(By.id("tab-contacts")).click();
        }
    }

    /** Waits that say, when they fail, what the page last told the user (its status line). */
    private static WebDriverWait waiting(HeadlessChromium chromium) {
        WebDriverWait wait = chromium.waiting(WAIT);
        wait.withMessage(() -> {
            try {
                return "the page says: " + chromium.driver().findElement(By.id("live")).getText() + "; events: "
                        + chromium.driver().executeScript("return document.body.dataset.events") + "; browser log: "
                        + chromium.driver().manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
            } catch (RuntimeException e) {
                return "no status line: " + e.getMessage();
            }
        });
        return wait;
    }

    private static int liveCalls(org.cusax.app.remote.DaemonConnection api) {
        try {
            return ((java.util.List<?>) api.command("calls", java.util.Map.of()).data()).size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A user of its own (a password found nowhere else) with the demo peers and Alice as contacts. */
    private Path webUser(Sandbox sandbox, String password) throws java.io.IOException {
        String user = "webuser";
        sandbox.xmpp().addUser(user, password);
        sandbox.sip().addUser(user, password);
        sandbox.xmpp().addRosterItem(user, local(sandbox.echoJid()), "Echo (chat peer)", "Web User");
        sandbox.xmpp().addRosterItem(user, DemoPeers.GREETING_USER, "Greeting (demo peer)", "Web User");
        sandbox.xmpp().addRosterItem(user, DemoPeers.BUSY_USER, "Busy line (demo peer)", "Web User");
        sandbox.xmpp().addRosterItem(user, "alice", "Alice Martin", "Web User");
        Path passwordFile = dir.resolve(user + ".password");
        Files.writeString(passwordFile, password + "\n");
        Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String demo = Files.readString(sandbox.demoUser().configFile());
        String text = demo.replace("xmpp.jid = demo@", "xmpp.jid = " + user + "@")
                .replace("sip.aor = sip:demo@", "sip.aor = sip:" + user + "@")
                .replaceAll("(?m)^(xmpp|sip)\\.password-file = .*$", "$1.password-file = " + passwordFile)
                .replaceAll("(?m)^contacts\\.cache-dir = .*$", "contacts.cache-dir = " + dir.resolve("contacts-cache"))
                + "\ndaemon.state-dir = " + dir.resolve("state") + "\n";
        assertThat(text).contains("xmpp.jid = " + user + "@").contains("sip.aor = sip:" + user + "@");
        return Files.writeString(dir.resolve(user + ".conf"), text);
    }

    private static String local(String jid) {
        return jid.substring(0, jid.indexOf('@'));
    }

    private static By contact(String jid) {
        return By.cssSelector("#contact-list li.contact[data-jid='" + jid + "']");
    }
}
