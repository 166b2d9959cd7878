package dev.gophersite.pages.it;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same contract against LocalStack's DynamoDB. Without a Docker engine Testcontainers' own condition disables
 * the class, and the same contract ran against dynalite in DynaliteContentServiceIT.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackContentServiceIT extends ContentServiceContract {
    private static LocalStackContainer localstack;

    @BeforeAll
    static void startLocalStack() {
        localstack =
                new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("dynamodb");
        localstack.start();
    }

    @AfterAll
    static void stopLocalStack() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Override
    protected URI endpoint() {
        return localstack.getEndpoint();
    }
}
