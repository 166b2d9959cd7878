package dev.gophersite.feedback.wiring;

import dev.gophersite.common.Env;
import dev.gophersite.common.store.DynamoSettings;
import java.time.Duration;

/**
 * The feedback function's configuration, from the environment template.yaml sets.
 *
 * @param voteTtl how long a vote is kept before DynamoDB's TTL deletes it
 */
public record FeedbackSettings(DynamoSettings dynamo, String table, Duration voteTtl) {

    public static FeedbackSettings fromEnv() {
        return new FeedbackSettings(
                DynamoSettings.fromEnv(),
                Env.string("FEEDBACK_TABLE", "gopher-site-feedback"),
                Duration.ofDays(Env.number("FEEDBACK_TTL_DAYS", 90)));
    }
}
