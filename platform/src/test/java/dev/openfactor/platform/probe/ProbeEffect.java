package dev.openfactor.platform.probe;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row written by test handlers, so tests can count how often an effect happened. */
@Entity
@Table(name = "probe_effect")
public class ProbeEffect {

    @Id
    public UUID id;

    public String marker;

    public static ProbeEffect of(String marker) {
        ProbeEffect e = new ProbeEffect();
        e.id = UUID.randomUUID();
        e.marker = marker;
        return e;
    }
}
