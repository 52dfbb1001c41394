package bench;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One endpoint answering a constant JSON document: what a health read costs with no work behind it. */
@Path("/bare")
public class BareResource {
    private static final Map<String, Object> BODY = Map.of("cluster", "demo", "status", "HEALTHY", "reasons", List.of());

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> bare() {
        return BODY;
    }
}
