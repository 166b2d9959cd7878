package dev.gophersite.local.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.gophersite.local.template.FunctionSpec;
import java.nio.charset.StandardCharsets;

/** The Lambda context of one invocation; the remaining time counts down from the template's Timeout. */
final class LocalContext implements Context {
    private final FunctionSpec spec;
    private final String requestId;
    private final String logStream;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    LocalContext(FunctionSpec spec, String requestId, String logStream, long deadlineNanos) {
        this.spec = spec;
        this.requestId = requestId;
        this.logStream = logStream;
        this.deadlineNanos = deadlineNanos;
        this.logger = new PrefixLogger("[" + spec.logicalId() + "] ");
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + spec.logicalId();
    }

    @Override
    public String getLogStreamName() {
        return logStream;
    }

    @Override
    public String getFunctionName() {
        return spec.logicalId();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + spec.environment().getOrDefault("AWS_REGION", "us-east-1")
                + ":000000000000:function:" + spec.logicalId();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return spec.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Writes through System.out at call time, so {@code invoke} can move function output to stderr. */
    private record PrefixLogger(String prefix) implements LambdaLogger {
        @Override
        public void log(String message) {
            System.out.print(prefix + (message.endsWith("\n") ? message : message + "\n"));
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
