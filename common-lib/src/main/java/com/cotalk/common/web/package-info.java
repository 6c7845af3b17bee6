@NullMarked
package com.cotalk.common.web;

import org.jspecify.annotations.NullMarked;
