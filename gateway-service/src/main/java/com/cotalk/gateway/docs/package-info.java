/**
 * The public API's documents, served by the gateway without a token: the OpenAPI 3.1
 * document of every route it serves ({@code docs/openapi.yaml} in the repository) as YAML
 * and JSON, and a Swagger UI page that reads it.
 */
@NullMarked
package com.cotalk.gateway.docs;

import org.jspecify.annotations.NullMarked;
