package it.dev.fileshare;

import static it.dev.fileshare.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.ApiResponse;
import it.dev.fileshare.support.FileshareClient;
import it.dev.fileshare.support.FileshareClient.TokenHeader;
import it.dev.fileshare.support.Session;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every call that needs a session: the token works in {@code x-session-token} and in {@code Authorization: Bearer};
 * a missing, garbage or logged-out token is 401 in either header.
 */
class AuthenticationIT {
    private static final FileshareClient SESSION_HEADER = new FileshareClient(TokenHeader.SESSION_TOKEN);
    private static final FileshareClient BEARER = new FileshareClient(TokenHeader.BEARER);

    /** The calls of the original seven that need a token, each made so that it succeeds with a good one. */
    enum ProtectedCall {
        UPLOAD {
            @Override
            ApiResponse call(FileshareClient client, String token) {
                return client.upload(token, "upload.txt", "content".getBytes(StandardCharsets.UTF_8));
            }
        },
        DOWNLOAD {
            @Override
            ApiResponse call(FileshareClient client, String token) {
                return client.download(token, "existing.txt");
            }
        },
        LIST {
            @Override
            ApiResponse call(FileshareClient client, String token) {
                return client.list(token);
            }
        },
        SHARE {
            @Override
            ApiResponse call(FileshareClient client, String token) {
                return client.share(token, "existing.txt", friend);
            }
        };

        abstract ApiResponse call(FileshareClient client, String token);
    }

    /** Someone to share with. */
    private static String friend;

    @BeforeAll
    static void registerAFriend() {
        friend = SESSION_HEADER.signUp("friend").username();
    }

    @ParameterizedTest
    @EnumSource(ProtectedCall.class)
    void succeedsWithEitherHeader(ProtectedCall call) {
        for (FileshareClient client : new FileshareClient[] {SESSION_HEADER, BEARER}) {
            Session user = userWithAFile();
            ApiResponse response = call.call(client, user.token());
            assertThat(response.status()).as("%s with %s", call, response).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtectedCall.class)
    void withoutATokenIs401(ProtectedCall call) {
        assertProblem(call.call(SESSION_HEADER, null), 401);
    }

    @ParameterizedTest
    @EnumSource(ProtectedCall.class)
    void garbageTokensAre401(ProtectedCall call) {
        String[] garbage = {"garbage", "A".repeat(43), "x".repeat(4096), "'; DROP TABLE sessions; --"};
        for (FileshareClient client : new FileshareClient[] {SESSION_HEADER, BEARER}) {
            for (String token : garbage) {
                assertProblem(call.call(client, token), 401);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtectedCall.class)
    void loggedOutTokenIs401(ProtectedCall call) {
        Session user = userWithAFile();
        assertThat(SESSION_HEADER.logout(user.token()).status()).isEqualTo(200);
        assertProblem(call.call(SESSION_HEADER, user.token()), 401);
        assertProblem(call.call(BEARER, user.token()), 401);
    }

    @Test
    void authorizationOtherThanBearerIsNoToken() {
        Session user = userWithAFile();
        ApiResponse basic = FileshareClient.send(SESSION_HEADER
                .request("files", null)
                .header("Authorization", "Basic " + user.token())
                .GET());
        assertProblem(basic, 401);
    }

    private static Session userWithAFile() {
        Session user = SESSION_HEADER.signUp("auth");
        assertThat(SESSION_HEADER
                        .upload(user.token(), "existing.txt", "x".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        return user;
    }
}
