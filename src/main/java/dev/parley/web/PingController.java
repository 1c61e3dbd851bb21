package dev.parley.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Map;

/** Liveness probe; also the trivial endpoint load benchmarks use as their ceiling. */
@Controller("/api/ping")
public class PingController {

    @Get
    public Map<String, String> ping() {
        return Map.of("status", "ok");
    }
}
