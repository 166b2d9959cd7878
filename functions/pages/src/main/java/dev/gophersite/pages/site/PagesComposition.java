package dev.gophersite.pages.site;

import dev.gophersite.common.Env;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.DynamoDbClients;

/** The composition root of the pages functions: what their no-arg constructors build once per cold start. */
public final class PagesComposition {
    private PagesComposition() {
    }

    public static ContentStore contentStore() {
        return new DynamoContentStore(
                DynamoDbClients.create(Env.millis("DYNAMODB_CALL_BUDGET_MILLIS", 3000)),
                Env.tableName(),
                Env.millis("CONTENT_POINTER_TTL_MILLIS", 10_000));
    }
}
