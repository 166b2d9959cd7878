package dev.gophersite.pages.wiring;

import dev.gophersite.common.store.ContentSettings;
import dev.gophersite.common.store.DynamoSettings;

/** The pages functions' configuration, from the environment template.yaml sets. */
public record PagesSettings(DynamoSettings dynamo, ContentSettings content) {

    public static PagesSettings fromEnv() {
        return new PagesSettings(DynamoSettings.fromEnv(), ContentSettings.fromEnv());
    }
}
