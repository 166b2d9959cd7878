package dev.gophersite.local.template;

/** The template asks for something the dev server cannot serve; the message names the resource and the problem. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String resource, String problem) {
        super("template.yaml: " + resource + ": " + problem);
    }

    public TemplateException(String resource, String problem, Throwable cause) {
        super("template.yaml: " + resource + ": " + problem, cause);
    }
}
