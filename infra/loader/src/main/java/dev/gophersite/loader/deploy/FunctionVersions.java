package dev.gophersite.loader.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/**
 * Publishes a new version of each function and moves its alias there once the version is active, so SnapStart
 * snapshots every function with the content just loaded and the configuration deployed now.
 *
 * <p>Why the loader does it: SnapStart primes a version when it is published, and {@code sam deploy} publishes one
 * only when SAM's version id changes, which it computes from the code location and the settings as written, with
 * references unresolved (samtranslator 1.110.0, {@code SamFunction._construct_version}). A first deploy primes
 * against an empty table, a content load changes nothing SAM sees, and neither does a parameter change, so the
 * alias would keep serving a version built before it. Lambda itself publishes nothing when the function has not
 * changed since its last version (Lambda API, PublishVersion), so the site version goes into the function's
 * description first.
 */
public final class FunctionVersions {
    static final String MARK = " [content ";
    /** Lambda's limit on a function's description. */
    static final int MAX_DESCRIPTION = 256;

    private final LambdaClient lambda;
    private final String alias;
    private final WaiterOverrideConfiguration wait;
    private final Consumer<String> log;

    public record Published(String function, String version) {}

    /**
     * @param alias   the alias the API invokes (template.yaml, Globals AutoPublishAlias)
     * @param maxWait how long one function may take to become active; a SnapStart snapshot takes minutes
     */
    public FunctionVersions(LambdaClient lambda, String alias, Duration maxWait, Duration poll, Consumer<String> log) {
        this.lambda = lambda;
        this.alias = alias;
        this.wait = WaiterOverrideConfiguration.builder()
                .waitTimeout(maxWait)
                .maxAttempts((int) Math.max(1, maxWait.toMillis() / Math.max(1, poll.toMillis())) + 1)
                .backoffStrategyV2(BackoffStrategy.fixedDelay(poll))
                .build();
        this.log = log;
    }

    public List<Published> republish(List<String> functions, String siteVersion) {
        List<Published> published = new ArrayList<>();
        for (String function : functions) {
            GetFunctionConfigurationResponse latest = lambda.getFunctionConfiguration(b -> b.functionName(function));
            String description = described(latest.description(), siteVersion);
            if (!description.equals(latest.description())) {
                lambda.updateFunctionConfiguration(b -> b.functionName(function).description(description));
                lambda.waiter()
                        .waitUntilFunctionUpdated(
                                GetFunctionConfigurationRequest.builder()
                                        .functionName(function)
                                        .build(),
                                wait);
            }
            String version = lambda.publishVersion(b -> b.functionName(function).description("content " + siteVersion))
                    .version();
            lambda.waiter()
                    .waitUntilPublishedVersionActive(
                            GetFunctionConfigurationRequest.builder()
                                    .functionName(function)
                                    .qualifier(version)
                                    .build(),
                            wait);
            lambda.updateAlias(b -> b.functionName(function).name(alias).functionVersion(version));
            log.accept(function + ": version " + version + " (content " + siteVersion + ") is " + alias);
            published.add(new Published(function, version));
        }
        return published;
    }

    /** The description with this site version's mark instead of any earlier one. */
    static String described(String current, String siteVersion) {
        String base = current == null ? "" : current;
        int mark = base.indexOf(MARK);
        if (mark >= 0) {
            base = base.substring(0, mark);
        }
        String suffix = MARK + siteVersion + "]";
        return base.substring(0, Math.min(base.length(), MAX_DESCRIPTION - suffix.length())) + suffix;
    }
}
