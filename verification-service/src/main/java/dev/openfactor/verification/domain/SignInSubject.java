package dev.openfactor.verification.domain;

/** Who is signing in: the user's profile and their guard, read together in one statement. */
public record SignInSubject(Profile profile, UserGuard guard) {
}
