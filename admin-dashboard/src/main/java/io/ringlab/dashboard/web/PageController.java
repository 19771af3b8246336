package io.ringlab.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page at {@code /login}, where Spring Security sends a person who has not signed in. */
@Controller
class PageController {

    @GetMapping("/login")
    String login() {
        return "forward:/login.html";
    }
}
