package dev.gophersite.ask.question;

/** One earlier message of the conversation, as the client sent it. */
public record Turn(Role role, String content) {

    public enum Role {
        USER,
        ASSISTANT
    }
}
