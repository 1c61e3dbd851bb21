package dev.parley.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

/** Test sources: an endpoint whose JSON body Micronaut binds itself, to see its parse errors in our shape. */
@Controller("/test/echo")
@Requires(env = "test")
class EchoController {

    @Serdeable
    record Word(String word) {
    }

    @Post
    Word echo(@Body Word word) {
        return word;
    }
}
