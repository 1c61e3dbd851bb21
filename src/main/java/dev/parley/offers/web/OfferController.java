package dev.parley.offers.web;

import dev.parley.offers.offer.Offer;
import dev.parley.offers.offer.OfferBook;
import dev.parley.offers.offer.OfferDefinitionException;
import dev.parley.offers.offer.OfferDefinitions;
import dev.parley.web.ApiException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Offers and coupons: CRUD as JSON, bulk import as YAML (the demo-offers.yml format). */
@Controller("/api/offers")
public class OfferController {

    /** An offer with its running totals. */
    @Serdeable
    public record OfferView(Offer offer, int redemptions, java.math.BigDecimal discountSpent) {
    }

    @Serdeable
    public record ImportResult(int imported, int offers) {
    }

    private final OfferBook offers;
    private final JsonMapper mapper;

    OfferController(OfferBook offers, JsonMapper mapper) {
        this.offers = offers;
        this.mapper = mapper;
    }

    @Get
    public Collection<OfferView> list() {
        return offers.all().stream().map(this::view).toList();
    }

    @Get("/{id}")
    public OfferView get(String id) {
        return view(offers.find(id).orElseThrow(() -> notFound(id)));
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<OfferView> create(@Body String body) {
        Offer offer = parse(body, null);
        if (!offers.create(offer)) {
            throw new ApiException(HttpStatus.CONFLICT, "offer_exists", "an offer with id " + offer.id() + " exists");
        }
        return HttpResponse.created(view(offer));
    }

    @Put("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public OfferView replace(String id, @Body String body) {
        Offer offer = parse(body, id);
        offers.find(id).orElseThrow(() -> notFound(id));
        offers.saveAll(List.of(offer));
        return view(offer);
    }

    @Delete("/{id}")
    public HttpResponse<Void> delete(String id) {
        if (!offers.delete(id)) {
            throw notFound(id);
        }
        return HttpResponse.noContent();
    }

    /** Adds or replaces every offer of a YAML document; nothing is imported when any entry is invalid. */
    @Post("/import")
    @Consumes({"application/x-yaml", "application/yaml", "text/yaml", MediaType.TEXT_PLAIN})
    public ImportResult importYaml(@Body String yaml) {
        try {
            List<Offer> imported = OfferDefinitions.fromYaml(yaml == null ? "" : yaml);
            offers.saveAll(imported);
            return new ImportResult(imported.size(), offers.size());
        } catch (OfferDefinitionException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_offers", e.getMessage(), e.problems());
        }
    }

    private Offer parse(String body, String pathId) {
        Map<String, Object> map = new java.util.HashMap<>(JsonBodies.read(mapper, body, Argument.mapOf(String.class, Object.class)));
        if (pathId != null) {
            Object bodyId = map.putIfAbsent("id", pathId);
            if (bodyId != null && !bodyId.toString().equals(pathId)) {
                throw ApiException.badRequest("id_mismatch", "the body's id differs from the path's");
            }
        }
        try {
            return OfferDefinitions.fromMap(map);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw ApiException.badRequest("invalid_offer", e.getMessage());
        }
    }

    private OfferView view(Offer offer) {
        return new OfferView(offer, offers.redemptions(offer.id()), offers.discountSpent(offer.id()));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("offer_not_found", "no offer " + id);
    }
}
