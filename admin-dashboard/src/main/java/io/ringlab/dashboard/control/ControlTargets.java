package io.ringlab.dashboard.control;

import io.ringlab.dashboard.cluster.ServiceDirectory;
import io.ringlab.dashboard.config.DashboardProperties.Service;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/** Finds the service a control names among those watched now; an unknown name is refused with 404. */
@Component
class ControlTargets {

    private final ServiceDirectory directory;

    ControlTargets(ServiceDirectory directory) {
        this.directory = directory;
    }

    Service server(String name) {
        return find("ring server", directory.servers(), name);
    }

    List<Service> servers() {
        return directory.servers();
    }

    Service agent(String name) {
        return find("agent", directory.agents(), name);
    }

    Service client(String name) {
        return find("load client", directory.clients(), name);
    }

    private static Service find(String role, List<Service> services, String name) {
        return services.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ControlRefused(
                        HttpStatus.NOT_FOUND,
                        "no %s named '%s'; known: %s"
                                .formatted(
                                        role,
                                        name,
                                        services.stream().map(Service::name).toList())));
    }
}
