package org.hopfieldlab.server.ui;

import com.vaadin.flow.server.BootstrapInitialPredicate;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * A first request to an address that no route takes (a mistyped link, a missing file under /lab/, a class address
 * whose number is not a number) answers 404, not 200.
 *
 * <p>Vaadin's first response is its bootstrap page (index.html); by default the route is resolved only by the
 * browser's next request, so the status that {@link NotFoundView} returns could not reach the first response. Vaadin
 * resolves the route while writing the bootstrap page (and {@code Router.initializeUI} sets the view's status on that
 * response) when its {@link BootstrapInitialPredicate} says so — for every address with
 * {@code vaadin.eagerServerLoad=true}. Here it says so only for addresses without a route, where the "Page not
 * found" view has nothing to run twice; every real page is bootstrapped as before.
 */
@Component
public class NotFoundStatus implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        BootstrapInitialPredicate usual = service.getBootstrapInitialPredicate();
        service.setBootstrapInitialPredicate(request -> usual.includeInitialUidl(request)
                || !routed(service, request));
    }

    /** Whether a route of the application takes the request's path (its template and parameter types). */
    static boolean routed(VaadinService service, VaadinRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return service.getRouter().getRegistry().getNavigationRouteTarget(path).hasTarget();
    }
}
