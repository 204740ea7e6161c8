"""Publishing articles to a CMS. WordPress through its REST API:

    wordpress.py   the site: user, terms, media, posts, SEO plugin fields; typed errors
    sites.py       the sites the user configured (names, addresses, users); the application
                   password of each lives in the system keychain (app/core/secrets.py)
    publisher.py   an Article → a WordPress post, created once then updated in place
"""
