package org.vigia.reliability.plan;

import java.util.List;

/** The fixed cast of the synthetic plans: countries, agencies with their sectors, CSOs, outlets. */
final class Catalog {
    record Agency(String code, String sector, String topic) {
    }

    static final List<String> COUNTRIES = List.of("MX", "CO", "PE", "CL", "AR", "UY", "CR", "GT");

    static final List<Agency> AGENCIES = List.of(
            new Agency("SALUD", "health", "registro de vacunación"),
            new Agency("EDUC", "education", "becas escolares"),
            new Agency("HACIENDA", "fiscal", "presupuesto abierto"),
            new Agency("FISCALIA", "justice-security", "registro de detenidos"),
            new Agency("ENERGIA", "energy", "contratos petroleros"),
            new Agency("AMBIENTE", "environment", "calidad del aire"),
            new Agency("OBRAS", "infrastructure", "obra pública"),
            new Agency("AGRO", "agriculture", "subsidios agrícolas"),
            new Agency("INTERIOR", "public-services", "trámites en línea"),
            new Agency("DIGITAL", "digital", "datos abiertos"),
            new Agency("TRABAJO", "labour", "inspecciones laborales"),
            new Agency("CULTURA", "culture", "archivos históricos"));

    static final List<String> CSOS = List.of("FUNDAR", "OBSERVATORIO", "TRANSPARENCIA", "DATOS-PUBLICOS",
            "ACCION-CIUDADANA", "RED-RENDICION", "CIVICUS-LAB", "VIGILANTES");

    static final List<String> OUTLETS = List.of("Diario Sintético", "La Voz Ilustrativa", "Noticias de Ejemplo",
            "Radio Muestra");

    static final List<String> ACTIONS = List.of("Publicar", "Abrir", "Digitalizar", "Auditar", "Consultar",
            "Integrar", "Monitorear", "Transparentar");

    private Catalog() {
    }
}
