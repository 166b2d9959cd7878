package dev.gophersite.local.lambda;

/**
 * What a Lambda runtime does at the start of an execution environment, and no more: builds the handler named in
 * the first argument with its no-argument constructor (the function's init), then waits for events that never
 * come, until the process is signalled. For tests that stop a function's process at a chosen moment of its init.
 */
public final class RuntimeStandIn {
    private RuntimeStandIn() {}

    public static void main(String[] args) throws Exception {
        Class.forName(args[0]).getDeclaredConstructor().newInstance();
        System.out.println("init done");
        Thread.sleep(Long.MAX_VALUE);
    }
}
