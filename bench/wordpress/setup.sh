#!/bin/sh
# A real WordPress on this machine for `plume publish` (Debian/Ubuntu, run as root):
# Debian's wordpress + MariaDB + Apache/PHP on http://127.0.0.1:${WP_PORT:-8089}, pretty
# permalinks, an "editor" user with an application password, and a must-use plugin that
# exposes Yoast SEO's three meta fields to the REST API (what a site with Yoast does with the
# snippet in the README) and prints them in the page head, like Yoast would.
#
#   bench/wordpress/setup.sh            # install (once) and start; prints the site and user
#   bench/wordpress/setup.sh stop
#
# The application password is written to $WP_SECRET (default /root/.plume-wp-app-password,
# mode 600) and nowhere else; use it as PLUME_WP_PASSWORD or save it with
# `plume publish --add-site NAME --url URL --user editor --password-stdin < $WP_SECRET`.
set -eu
PORT=${WP_PORT:-8089}
SECRET=${WP_SECRET:-/root/.plume-wp-app-password}
SITE="http://127.0.0.1:$PORT"
CONTENT=/var/lib/wordpress/wp-content

if [ "${1:-}" = stop ]; then
    apache2ctl stop 2>/dev/null || true
    /etc/init.d/mariadb stop >/dev/null 2>&1 || true
    exit 0
fi

if ! dpkg -s wordpress mariadb-server apache2 libapache2-mod-php \
        wordpress-theme-twentytwentythree >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wordpress \
        wordpress-theme-twentytwentythree mariadb-server apache2 libapache2-mod-php php-mysql \
        php-curl >/dev/null
fi

/etc/init.d/mariadb start >/dev/null 2>&1 || true
for _ in 1 2 3 4 5 6 7 8 9 10; do mysqladmin ping >/dev/null 2>&1 && break; sleep 1; done

if [ ! -f /etc/wordpress/config-default.php ]; then
    DBPASS=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    mysql -e "CREATE DATABASE IF NOT EXISTS wordpress; CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY '$DBPASS'; ALTER USER 'wordpress'@'localhost' IDENTIFIED BY '$DBPASS'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost'; FLUSH PRIVILEGES;"
    umask 077
    cat > /etc/wordpress/config-default.php <<EOF
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$DBPASS');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '$CONTENT');
define('WP_ENVIRONMENT_TYPE', 'local');   /* application passwords over plain http */
define('WP_HOME', '$SITE');
define('WP_SITEURL', '$SITE');
EOF
    chown root:www-data /etc/wordpress/config-default.php
    chmod 640 /etc/wordpress/config-default.php
    umask 022
fi

mkdir -p "$CONTENT/mu-plugins"
cat > "$CONTENT/mu-plugins/plume-seo-meta.php" <<'EOF'
<?php
/* Yoast SEO's title, description and focus keyphrase, writable through the REST API. */
add_action('init', function () {
    foreach (['_yoast_wpseo_title', '_yoast_wpseo_metadesc', '_yoast_wpseo_focuskw'] as $key) {
        register_post_meta('post', $key, ['show_in_rest' => true, 'single' => true,
            'type' => 'string',
            'auth_callback' => function () { return current_user_can('edit_posts'); }]);
    }
});
/* Stand-in for Yoast's own output, so the page shows what was sent. */
add_filter('pre_get_document_title', function ($title) {
    $seo = is_singular() ? get_post_meta(get_the_ID(), '_yoast_wpseo_title', true) : '';
    return $seo ?: $title;
});
add_action('wp_head', function () {
    $desc = is_singular() ? get_post_meta(get_the_ID(), '_yoast_wpseo_metadesc', true) : '';
    if ($desc) { echo '<meta name="description" content="' . esc_attr($desc) . "\" />\n"; }
});
EOF
chown -R www-data:www-data "$CONTENT"

cat > /etc/apache2/sites-available/plume-wordpress.conf <<EOF
Listen $PORT
<VirtualHost 127.0.0.1:$PORT>
    DocumentRoot /usr/share/wordpress
    Alias /wp-content $CONTENT
    <Directory /usr/share/wordpress>
        Options FollowSymLinks
        AllowOverride All
        Require all granted
        RewriteEngine On
        RewriteBase /
        RewriteRule ^index\.php$ - [L]
        RewriteCond %{REQUEST_FILENAME} !-f
        RewriteCond %{REQUEST_FILENAME} !-d
        RewriteRule . /index.php [L]
    </Directory>
    <Directory $CONTENT>
        Options FollowSymLinks
        Require all granted
    </Directory>
</VirtualHost>
EOF
a2enmod -q rewrite >/dev/null
a2ensite -q plume-wordpress >/dev/null
apache2ctl -k restart 2>/dev/null || apache2ctl start
for _ in 1 2 3 4 5 6 7 8 9 10; do curl -s -o /dev/null "$SITE/" && break; sleep 1; done

if ! curl -s "$SITE/wp-login.php" | grep -q user_login; then   # not installed yet
    ADMINPASS=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    curl -s -o /dev/null --data-urlencode "weblog_title=Plume test site" \
        --data-urlencode "user_name=admin" --data-urlencode "admin_password=$ADMINPASS" \
        --data-urlencode "admin_password2=$ADMINPASS" --data-urlencode "pw_weak=1" \
        --data-urlencode "admin_email=admin@example.test" --data-urlencode "blog_public=0" \
        "$SITE/wp-admin/install.php?step=2"
fi

umask 077
SECRET="$SECRET" php -d display_errors=stderr -r '
$_SERVER["HTTP_HOST"] = "127.0.0.1"; $_SERVER["REQUEST_METHOD"] = "GET";
define("WP_USE_THEMES", false);
require "/usr/share/wordpress/wp-load.php";
require_once ABSPATH . "wp-admin/includes/user.php";
update_option("permalink_structure", "/%postname%/");
switch_theme("twentytwentythree");
$id = username_exists("editor") ?: wp_create_user("editor", wp_generate_password(32), "editor@example.test");
(new WP_User($id))->set_role("editor");
foreach (WP_Application_Passwords::get_user_application_passwords($id) as $item) {
    WP_Application_Passwords::delete_application_password($id, $item["uuid"]);
}
[$password] = WP_Application_Passwords::create_new_application_password($id, ["name" => "plume"]);
file_put_contents(getenv("SECRET"), $password);
'
umask 022
echo "WordPress at $SITE (user: editor; application password in $SECRET)"
