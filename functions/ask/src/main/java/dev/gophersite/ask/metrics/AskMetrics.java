package dev.gophersite.ask.metrics;

import dev.gophersite.ask.record.Answer;

/** What /ask reports to CloudWatch about each request. */
public interface AskMetrics {

    void answered(Answer answer);

    void storeFailed();

    static AskMetrics none() {
        return new AskMetrics() {
            @Override
            public void answered(Answer answer) {}

            @Override
            public void storeFailed() {}
        };
    }
}
