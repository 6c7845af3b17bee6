package com.cotalk.common.openapi;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import com.cotalk.common.security.AuthenticatedUser;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Each service's OpenAPI description at {@code /v3/api-docs}: its name, and bearer tokens
 * on every call.
 */
@AutoConfiguration
@ConditionalOnClass({ SpringDocUtils.class, OpenAPI.class })
public class OpenApiAutoConfiguration {

	static {
		// The caller comes from the verified token, not from the request: springdoc would
		// list it as a query parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAPI cotalkOpenApi(@Value("${spring.application.name:co-talk}") String name) {
		return new OpenAPI().info(new Info().title("Co-Talk " + name).version("1"))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
