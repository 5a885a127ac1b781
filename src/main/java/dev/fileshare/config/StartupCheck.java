package dev.fileshare.config;

import dev.fileshare.core.port.StoreHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Reads the configuration and opens the store when the application starts, so a bad setting stops start-up. */
@ApplicationScoped
public class StartupCheck {
    private static final Logger LOG = Logger.getLogger(StartupCheck.class.getName());

    @Inject
    FileshareConfig config;

    @Inject
    StoreHealth health;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        String where = "aws".equals(config.store())
                ? "region " + config.aws().region() + ", bucket " + config.aws().bucket()
                : "data dir " + config.dataDir().toAbsolutePath();
        LOG.info(() -> "fileshare: store=" + config.store() + ", " + where + ", store parts " + health.check());
    }
}
