package dev.gophersite.ask.metrics;

import dev.gophersite.ask.record.Answer;
import dev.gophersite.common.Env;
import dev.gophersite.common.log.JsonLog;
import software.amazon.cloudwatchlogs.emf.config.Configuration;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * CloudWatch metrics as Embedded Metric Format log lines, through Powertools for AWS Lambda: answers per mode,
 * model latency, top retrieval score, answer-cache hits and DynamoDB failures. The namespace comes from
 * {@code POWERTOOLS_METRICS_NAMESPACE} (template.yaml). Each request flushes its own metrics.
 */
public final class PowertoolsAskMetrics implements AskMetrics {
    private static final JsonLog LOG = new JsonLog(PowertoolsAskMetrics.class);
    private final Metrics metrics;
    private volatile boolean failureLogged;

    public PowertoolsAskMetrics() {
        // Name the environment rather than let the EMF library discover it: discovery probes EC2 and ECS metadata
        // over HTTP, and off Lambda it would ship metrics to a CloudWatch agent that the dev server does not have.
        Configuration config = EnvironmentConfigurationProvider.getConfig();
        if (config.getEnvironmentOverride() == null || config.getEnvironmentOverride() == Environments.Unknown) {
            config.setEnvironmentOverride(
                    Env.get("AWS_LAMBDA_FUNCTION_NAME") != null ? Environments.Lambda : Environments.Local);
        }
        metrics = MetricsFactory.getMetricsInstance();
        // read through Env, so the dev server's per-function environment applies too
        metrics.setNamespace(Env.string("POWERTOOLS_METRICS_NAMESPACE", "GopherSite"));
    }

    @Override
    public void answered(Answer answer) {
        metrics.addMetric(
                switch (answer.mode()) {
                    case LLM -> "AnswersLlm";
                    case EXTRACTIVE -> "AnswersExtractive";
                    case REFUSED -> "AnswersRefused";
                },
                1,
                MetricUnit.COUNT);
        Long generation = answer.timingsMs().get("generation");
        if (generation != null && !answer.cached()) {
            metrics.addMetric("ModelLatency", generation, MetricUnit.MILLISECONDS);
        }
        if (!answer.sources().isEmpty()) {
            metrics.addMetric("RetrievalTopScore", answer.sources().getFirst().score(), MetricUnit.NONE);
        }
        metrics.addMetric("AnswerCacheHits", answer.cached() ? 1 : 0, MetricUnit.COUNT);
        flush();
    }

    @Override
    public void storeFailed() {
        metrics.addMetric("DynamoDbErrors", 1, MetricUnit.COUNT);
        flush();
    }

    /** Metrics are worth less than the answer: a failure here is logged once and never reaches the caller. */
    private void flush() {
        try {
            metrics.flush();
        } catch (RuntimeException e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.error("metrics flush failed; further failures are not logged", e);
            }
        }
    }
}
