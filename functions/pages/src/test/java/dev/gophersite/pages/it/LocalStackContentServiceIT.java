package dev.gophersite.pages.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;

/** The same contract against LocalStack's DynamoDB, when a Docker engine is available. */
class LocalStackContentServiceIT extends ContentServiceContract {
    private static LocalStackContainer localstack;

    @BeforeAll
    static void startLocalStack() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            System.out.println("SKIPPED LocalStackContentServiceIT: no Docker engine is reachable; "
                    + "the same contract ran against dynalite in DynaliteContentServiceIT");
        }
        Assumptions.assumeTrue(docker, "no Docker engine: LocalStack tests skipped");
        localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices(LocalStackContainer.Service.DYNAMODB);
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
