<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AdvancedSettings</name>
    <message>
        <source>Settings shown greyed out are managed by your IT department (managed configuration file).</source>
        <translation>Los ajustes en gris los gestiona su departamento de informática (archivo de configuración gestionado).</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Dirección de la API</translation>
    </message>
    <message>
        <source>The provider&apos;s API address; leave empty for the usual one</source>
        <translation>La dirección de la API del proveedor; déjela vacía para usar la habitual</translation>
    </message>
    <message>
        <source>API &amp;address</source>
        <translation>&amp;Dirección de la API</translation>
    </message>
    <message>
        <source>system default browser</source>
        <translation>navegador predeterminado del sistema</translation>
    </message>
    <message>
        <source>A command that opens a URL; {url} is replaced by the address. PAIRING_WIZARD_BROWSER, when set, wins.</source>
        <translation>Un comando que abre una URL; {url} se sustituye por la dirección. PAIRING_WIZARD_BROWSER, si está definido, tiene prioridad.</translation>
    </message>
    <message>
        <source>Browser command</source>
        <translation>Comando del navegador</translation>
    </message>
    <message>
        <source>B&amp;rowser command</source>
        <translation>Comando del &amp;navegador</translation>
    </message>
    <message>
        <source>Xee app</source>
        <translation>Aplicación de Xee</translation>
    </message>
    <message>
        <source>Xee client id</source>
        <translation>Id de cliente de Xee</translation>
    </message>
    <message>
        <source>The client id of the Xee app Pairing Wizard signs in with</source>
        <translation>El id de cliente de la aplicación de Xee con la que Pairing Wizard inicia sesión</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>id de cliente</translation>
    </message>
    <message>
        <source>Xee client secret</source>
        <translation>Secreto de cliente de Xee</translation>
    </message>
    <message>
        <source>The Xee app&apos;s client secret, kept in the system keychain</source>
        <translation>El secreto de cliente de la aplicación de Xee, guardado en el llavero del sistema</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>secreto de cliente</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language of Pairing Wizard; applied the next time it starts</source>
        <translation>El idioma de Pairing Wizard; se aplica en el próximo inicio</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>Sistema ({language})</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Reiniciar ahora</translation>
    </message>
    <message>
        <source>Close Pairing Wizard and open it again in the chosen language</source>
        <translation>Cerrar Pairing Wizard y volver a abrirlo en el idioma elegido</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Managed by your IT department</source>
        <translation>Gestionado por su departamento de informática</translation>
    </message>
    <message>
        <source>set by your IT department</source>
        <translation>definido por su departamento de informática</translation>
    </message>
    <message>
        <source>The offline sandbox runs on this computer; its address shows once it has started.</source>
        <translation>El sandbox sin conexión se ejecuta en este equipo; su dirección aparece cuando se haya iniciado.</translation>
    </message>
    <message>
        <source>Leave empty for the provider&apos;s address shown in grey.</source>
        <translation>Déjela vacía para usar la dirección del proveedor que aparece en gris.</translation>
    </message>
    <message>
        <source>XEE_CLIENT_ID / XEE_CLIENT_SECRET are set in the environment: they win over these fields.</source>
        <translation>XEE_CLIENT_ID / XEE_CLIENT_SECRET están definidos en el entorno: tienen prioridad sobre estos campos.</translation>
    </message>
    <message>
        <source>The secret is stored in the system keychain; type a new one to replace it.</source>
        <translation>El secreto está guardado en el llavero del sistema; escriba uno nuevo para sustituirlo.</translation>
    </message>
    <message>
        <source>Needed to sign in to Xee outside the demo ({environment}). The secret is kept in the system keychain, never in a file.</source>
        <translation>Necesario para iniciar sesión en Xee fuera de la demostración ({environment}). El secreto se guarda en el llavero del sistema, nunca en un archivo.</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>guardado en el llavero</translation>
    </message>
    <message>
        <source>Saved: the client id in the settings; the secret stays in the keychain.</source>
        <translation>Guardado: el id de cliente en los ajustes; el secreto sigue en el llavero.</translation>
    </message>
    <message>
        <source>Saved: the client id in the settings, the secret in the system keychain.</source>
        <translation>Guardado: el id de cliente en los ajustes y el secreto en el llavero del sistema.</translation>
    </message>
    <message>
        <source>The keychain refused the secret: unlock it, or set XEE_CLIENT_SECRET in the environment.</source>
        <translation>El llavero rechazó el secreto: desbloquéelo o defina XEE_CLIENT_SECRET en el entorno.</translation>
    </message>
    <message>
        <source>Xee sign-in</source>
        <translation>Inicio de sesión en Xee</translation>
    </message>
    <message>
        <source>default: 127.0.0.1, any port</source>
        <translation>por defecto: 127.0.0.1, cualquier puerto</translation>
    </message>
    <message>
        <source>Xee redirect URI</source>
        <translation>URI de redirección de Xee</translation>
    </message>
    <message>
        <source>The redirect URI exactly as registered for the Xee app, such as http://localhost:8080/callback; Xee refuses any other</source>
        <translation>La URI de redirección exactamente como está registrada para la app de Xee, por ejemplo http://localhost:8080/callback; Xee rechaza cualquier otra</translation>
    </message>
    <message>
        <source>ports, in order: e.g. 8080,8081</source>
        <translation>puertos, en orden: p. ej. 8080,8081</translation>
    </message>
    <message>
        <source>Xee redirect ports</source>
        <translation>Puertos de redirección de Xee</translation>
    </message>
    <message>
        <source>Ports registered for the Xee app, tried in order when one is busy</source>
        <translation>Puertos registrados para la app de Xee, probados en orden cuando uno está ocupado</translation>
    </message>
    <message>
        <source>How long to wait for an answer from {providers} (and the {provider} sign-in) before giving up</source>
        <translation>Cuánto tiempo esperar una respuesta de {providers} (y del inicio de sesión de {provider}) antes de desistir</translation>
    </message>
    <message>
        <source>How long to wait for an answer from {providers} before giving up</source>
        <translation>Cuánto tiempo esperar una respuesta de {providers} antes de desistir</translation>
    </message>
    <message>
        <source>Saved: this is the language in use.</source>
        <translation>Guardado: es el idioma en uso.</translation>
    </message>
    <message>
        <source>Saved: applied the next time Pairing Wizard starts. Restart now to use it at once.</source>
        <translation>Guardado: se aplica la próxima vez que se inicie Pairing Wizard. Reinicie ahora para usarlo de inmediato.</translation>
    </message>
    <message>
        <source>Pairing Wizard could not be started again: close it and start it yourself.</source>
        <translation>No se pudo reiniciar Pairing Wizard: ciérrelo y vuelva a iniciarlo usted mismo.</translation>
    </message>
    <message>
        <source>Xee does not echo state</source>
        <translation>Xee no devuelve state</translation>
    </message>
    <message>
        <source>Confirm the signed-in account after each sign-in.</source>
        <translation>Confirmar la cuenta conectada después de cada inicio de sesión.</translation>
    </message>
    <message>
        <source>Accept Xee&apos;s sign-in answer without state, then confirm the signed-in account</source>
        <translation>Aceptar la respuesta de inicio de sesión de Xee sin state y luego confirmar la cuenta conectada</translation>
    </message>
    <message>
        <source>Send no scope</source>
        <translation>No enviar scope</translation>
    </message>
    <message>
        <source>The scopes set for the app at Xee apply.</source>
        <translation>Se aplican los scopes definidos para la aplicación en Xee.</translation>
    </message>
    <message>
        <source>Leave scope out of the sign-in address, as Xee&apos;s own SDK does</source>
        <translation>Omitir scope en la dirección de inicio de sesión, como hace el SDK de Xee</translation>
    </message>
    <message>
        <source>Xee scopes</source>
        <translation>Scopes de Xee</translation>
    </message>
    <message>
        <source>Space-separated scopes to ask for; empty for the usual ones</source>
        <translation>Scopes que pedir, separados por espacios; vacío para los habituales</translation>
    </message>
    <message>
        <source>The Xee redirect URI setting cannot be used: {reason}</source>
        <translation>El ajuste de URI de redirección de Xee no se puede usar: {reason}</translation>
    </message>
    <message>
        <source>Saved: the next sign-in uses it.</source>
        <translation>Guardado: el próximo inicio de sesión lo usará.</translation>
    </message>
    <message>
        <source>Xee API</source>
        <translation>API de Xee</translation>
    </message>
    <message>
        <source>Xee API version</source>
        <translation>Versión de la API de Xee</translation>
    </message>
    <message>
        <source>The Xee API the pairing and the sign-in use; changing it asks for a new sign-in</source>
        <translation>La API de Xee que usan la vinculación y el inicio de sesión; cambiarla pide iniciar sesión de nuevo</translation>
    </message>
    <message>
        <source>v3 (the product&apos;s documented API)</source>
        <translation>v3 (la API documentada del producto)</translation>
    </message>
    <message>
        <source>v4 (Xee&apos;s current SDK)</source>
        <translation>v4 (el SDK actual de Xee)</translation>
    </message>
    <message>
        <source>device id: 10 letters or digits</source>
        <translation>id del dispositivo: 10 letras o cifras</translation>
    </message>
    <message>
        <source>Xee device id format</source>
        <translation>Formato del id del dispositivo Xee</translation>
    </message>
    <message>
        <source>A regular expression the whole device id must match; empty for Xee&apos;s usual format</source>
        <translation>Una expresión regular que todo el id del dispositivo debe cumplir; vacío para el formato habitual de Xee</translation>
    </message>
    <message>
        <source>pin format: exactly 4 digits</source>
        <translation>formato del pin: exactamente 4 cifras</translation>
    </message>
    <message>
        <source>Xee pin format</source>
        <translation>Formato del pin de Xee</translation>
    </message>
    <message>
        <source>A regular expression the whole pin must match; empty for Xee&apos;s usual format</source>
        <translation>Una expresión regular que todo el pin debe cumplir; vacío para el formato habitual de Xee</translation>
    </message>
    <message>
        <source>Saved: Xee&apos;s {version} is used from now on; sign in again.</source>
        <translation>Guardado: a partir de ahora se usa la {version} de Xee; inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>Saved: the device page checks these formats.</source>
        <translation>Guardado: la página del dispositivo comprueba estos formatos.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>Tiempo de espera de las solicitudes</translation>
    </message>
    <message>
        <source>Request &amp;timeout</source>
        <translation>&amp;Tiempo de espera de las solicitudes</translation>
    </message>
    <message>
        <source>Applied the next time Pairing Wizard starts.</source>
        <translation>Se aplica la próxima vez que se inicie Pairing Wizard.</translation>
    </message>
</context>
<context>
    <name>ApiKeyPanel</name>
    <message>
        <source>&amp;Api key</source>
        <translation>&amp;Clave API</translation>
    </message>
    <message>
        <source>&amp;Remember in keychain</source>
        <translation>&amp;Recordar en el llavero</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain for this provider and environment; never in a settings file.</source>
        <translation>Guardar la clave en el llavero del sistema para este proveedor y entorno; nunca en un archivo de ajustes.</translation>
    </message>
    <message>
        <source>Remember in keychain</source>
        <translation>Recordar en el llavero</translation>
    </message>
    <message>
        <source>&amp;Test key</source>
        <translation>&amp;Probar la clave</translation>
    </message>
    <message>
        <source>Try the key with a harmless read</source>
        <translation>Probar la clave con una lectura inofensiva</translation>
    </message>
    <message>
        <source>Fill &amp;demo values</source>
        <translation>Valores de &amp;demostración</translation>
    </message>
    <message>
        <source>Use a key of the offline sandbox</source>
        <translation>Usar una clave del sandbox sin conexión</translation>
    </message>
    <message>
        <source>No usable keychain on this computer: the key is kept for this session only.</source>
        <translation>No hay ningún llavero utilizable en este equipo: la clave se guarda solo para esta sesión.</translation>
    </message>
    <message>
        <source>Key read from the keychain.</source>
        <translation>Clave leída del llavero.</translation>
    </message>
    <message>
        <source>Testing the key with a harmless read…</source>
        <translation>Probando la clave con una lectura inofensiva…</translation>
    </message>
    <message>
        <source>Demo key filled in.</source>
        <translation>Clave de demostración introducida.</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Ready</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>No válida</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Unknown: check by hand</source>
        <translation>Desconocido: compruébelo a mano</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Excluida</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>Save &amp;template…</source>
        <translation>Guardar la &amp;plantilla…</translation>
    </message>
    <message>
        <source>A CSV file with the columns this provider needs</source>
        <translation>Un archivo CSV con las columnas que necesita este proveedor</translation>
    </message>
    <message>
        <source>&amp;Open CSV…</source>
        <translation>&amp;Abrir un CSV…</translation>
    </message>
    <message>
        <source>Open a CSV file: every row is checked, nothing is sent</source>
        <translation>Abrir un archivo CSV: se comprueba cada fila, no se envía nada</translation>
    </message>
    <message>
        <source>No file opened yet.</source>
        <translation>Aún no se ha abierto ningún archivo.</translation>
    </message>
    <message>
        <source>Leave out the invalid rows</source>
        <translation>Excluir las filas no válidas</translation>
    </message>
    <message>
        <source>Start sends the valid rows only; the invalid ones are recorded as left out</source>
        <translation>Iniciar envía solo las filas válidas; las no válidas se registran como excluidas</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>Filas del archivo</translation>
    </message>
    <message>
        <source>One line per row of the file: its values, its state and the details</source>
        <translation>Una línea por fila del archivo: sus valores, su estado y los detalles</translation>
    </message>
    <message>
        <source>Re&amp;quests at a time</source>
        <translation>Solicitudes &amp;simultáneas</translation>
    </message>
    <message>
        <source>Requests at a time</source>
        <translation>Solicitudes simultáneas</translation>
    </message>
    <message>
        <source>How many requests run at the same time. The batch slows down by itself when the provider asks.</source>
        <translation>Cuántas solicitudes se ejecutan a la vez. El lote se ralentiza solo cuando el proveedor lo pide.</translation>
    </message>
    <message>
        <source>Rows finished</source>
        <translation>Filas terminadas</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>Pair every valid row of the file with the provider</source>
        <translation>Emparejar cada fila válida del archivo con el proveedor</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>Continue the interrupted batch: rows already paired are not sent again</source>
        <translation>Continuar el lote interrumpido: las filas ya emparejadas no se vuelven a enviar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop taking rows; the requests in flight finish and are recorded</source>
        <translation>Dejar de tomar filas; las solicitudes en curso terminan y se registran</translation>
    </message>
    <message>
        <source>Save res&amp;ults…</source>
        <translation>Guardar los res&amp;ultados…</translation>
    </message>
    <message>
        <source>Write one line per row, with its outcome, to a CSV file</source>
        <translation>Escribir una línea por fila, con su resultado, en un archivo CSV</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the batch window</source>
        <translation>Cerrar la ventana del lote</translation>
    </message>
    <message>
        <source>Batch pairing — {provider} — Pairing Wizard</source>
        <translation>Emparejamiento por lotes — {provider} — Pairing Wizard</translation>
    </message>
    <message>
        <source>Batch pairing with {provider}</source>
        <translation>Emparejamiento por lotes con {provider}</translation>
    </message>
    <message>
        <source>Batch pairing</source>
        <translation>Emparejamiento por lotes</translation>
    </message>
    <message>
        <source>{environment}, as {account}. Every row is checked before anything is sent; a device is never paired twice.</source>
        <translation>{environment}, como {account}. Cada fila se comprueba antes de enviar nada; un dispositivo nunca se empareja dos veces.</translation>
    </message>
    <message>
        <source>{environment}, no sign-in needed. Every row is checked before anything is sent; a device is never paired twice.</source>
        <translation>{environment}, sin inicio de sesión. Cada fila se comprueba antes de enviar nada; un dispositivo nunca se empareja dos veces.</translation>
    </message>
    <message>
        <source>{environment}, as nobody (sign in first). Every row is checked before anything is sent; a device is never paired twice.</source>
        <translation>{environment}, sin cuenta (inicie sesión primero). Cada fila se comprueba antes de enviar nada; un dispositivo nunca se empareja dos veces.</translation>
    </message>
    <message>
        <source>{environment}, with the api key entered in the wizard. Every row is checked before anything is sent; a device is never paired twice.</source>
        <translation>{environment}, con la clave API introducida en el asistente. Cada fila se comprueba antes de enviar nada; un dispositivo nunca se empareja dos veces.</translation>
    </message>
    <message>
        <source>No file opened yet: save the template, fill it in, then open it here.</source>
        <translation>Aún no se ha abierto ningún archivo: guarde la plantilla, rellénela y ábrala aquí.</translation>
    </message>
    <message numerus="yes">
        <source>Leave out the %n invalid rows (they are not sent)</source>
        <translation>
            <numerusform>Excluir %n fila no válida (no se envía)</numerusform>
            <numerusform>Excluir las %n filas no válidas (no se envían)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Guardar la plantilla</translation>
    </message>
    <message>
        <source>Could not save the template to {path}: {error}.</source>
        <translation>No se pudo guardar la plantilla en {path}: {error}.</translation>
    </message>
    <message>
        <source>Template saved to {path}: one line per device, then open it here.</source>
        <translation>Plantilla guardada en {path}: una línea por dispositivo y después ábrala aquí.</translation>
    </message>
    <message>
        <source>Open a {provider} batch file</source>
        <translation>Abrir un archivo de lote de {provider}</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Comprobando {file}…</translation>
    </message>
    <message>
        <source>This file was interrupted before (batch #{id}, started {when} UTC). Resume continues it: rows already paired are not sent again.</source>
        <translation>Este archivo ya se interrumpió antes (lote n.º {id}, iniciado el {when} UTC). Reanudar lo continúa: las filas ya emparejadas no se vuelven a enviar.</translation>
    </message>
    <message>
        <source>This file was already run (batch #{id}, {when} UTC): its outcomes are shown. Running it again would pair every device a second time, so Start is off; Save results writes them.</source>
        <translation>Este archivo ya se ejecutó (lote n.º {id}, {when} UTC): se muestran sus resultados. Volver a ejecutarlo emparejaría cada dispositivo una segunda vez, así que Iniciar está desactivado; Guardar los resultados los escribe.</translation>
    </message>
    <message>
        <source>{file}: this file cannot be used for {provider}:</source>
        <translation>{file}: este archivo no se puede usar para {provider}:</translation>
    </message>
    <message numerus="yes">
        <source>%n rows for {provider}: {valid} valid, {invalid} invalid (their reasons are in the table). Nothing is sent while a row is invalid: fix the file and open it again, or leave those rows out.</source>
        <translation>
            <numerusform>%n fila para {provider}: {valid} válida, {invalid} no válida (los motivos están en la tabla). No se envía nada mientras una fila no sea válida: corrija el archivo y vuelva a abrirlo, o excluya esas filas.</numerusform>
            <numerusform>%n filas para {provider}: {valid} válidas, {invalid} no válidas (los motivos están en la tabla). No se envía nada mientras una fila no sea válida: corrija el archivo y vuelva a abrirlo, o excluya esas filas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows for {provider}, all valid. Nothing has been sent yet.</source>
        <translation>
            <numerusform>%n fila para {provider}, válida. Aún no se ha enviado nada.</numerusform>
            <numerusform>%n filas para {provider}, todas válidas. Aún no se ha enviado nada.</numerusform>
        </translation>
    </message>
    <message>
        <source>{problem} Nothing was sent.</source>
        <translation>{problem} No se envió nada.</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Reanudando…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>{finished} of {total} rows</source>
        <translation>{finished} de {total} filas</translation>
    </message>
    <message>
        <source>{count} done</source>
        <translation>{count} hechas</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} fallidas</translation>
    </message>
    <message>
        <source>{count} to check by hand</source>
        <translation>{count} por comprobar a mano</translation>
    </message>
    <message>
        <source>{count} left out</source>
        <translation>{count} excluidas</translation>
    </message>
    <message>
        <source>{count} in flight ({limit} at a time)</source>
        <translation>{count} en curso ({limit} a la vez)</translation>
    </message>
    <message>
        <source>about {duration} left</source>
        <translation>quedan unos {duration}</translation>
    </message>
    <message>
        <source>Batch #{id} finished: {done} done, {failed} failed, {unknown} to check by hand, {skipped} left out.</source>
        <translation>Lote n.º {id} terminado: {done} hechas, {failed} fallidas, {unknown} por comprobar a mano, {skipped} excluidas.</translation>
    </message>
    <message>
        <source>The highlighted rows may or may not be paired: check them by hand before sending them again.</source>
        <translation>Las filas resaltadas pueden estar emparejadas o no: compruébelas a mano antes de volver a enviarlas.</translation>
    </message>
    <message>
        <source>Save results keeps one line per row.</source>
        <translation>Guardar los resultados conserva una línea por fila.</translation>
    </message>
    <message numerus="yes">
        <source>Batch #{id} stopped with %n rows not sent. {reason} Resume continues where it stopped; rows already paired are not sent again.</source>
        <translation>
            <numerusform>Lote n.º {id} detenido con %n fila sin enviar. {reason} Reanudar continúa donde se detuvo; las filas ya emparejadas no se vuelven a enviar.</numerusform>
            <numerusform>Lote n.º {id} detenido con %n filas sin enviar. {reason} Reanudar continúa donde se detuvo; las filas ya emparejadas no se vuelven a enviar.</numerusform>
        </translation>
    </message>
    <message>
        <source>stopping: waiting for the requests in flight…</source>
        <translation>deteniendo: esperando las solicitudes en curso…</translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation>Guardar los resultados</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}. Choose another folder.</source>
        <translation>No se pudo escribir {path}: {error}. Elija otra carpeta.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n rows to {path}.</source>
        <translation>
            <numerusform>%n fila guardada en {path}.</numerusform>
            <numerusform>%n filas guardadas en {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchModel</name>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Id del dispositivo</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Número de serie</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Consumer id</source>
        <translation>Id del consumidor</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>TV device id</source>
        <translation>Id del televisor</translation>
    </message>
    <message>
        <source>deviceid {deviceid}</source>
        <translation>deviceid {deviceid}</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <source>Sign in to {provider}</source>
        <translation>Iniciar sesión en {provider}</translation>
    </message>
    <message>
        <source>{provider} api key</source>
        <translation>Clave API de {provider}</translation>
    </message>
    <message>
        <source>The box will be associated to this account. Environment: {environment}.</source>
        <translation>La caja se asociará a esta cuenta. Entorno: {environment}.</translation>
    </message>
    <message>
        <source>The key authorises the request. Environment: {environment}.</source>
        <translation>La clave autoriza la solicitud. Entorno: {environment}.</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>Offline demo — sandbox data</source>
        <translation>Demostración sin conexión — datos del sandbox</translation>
    </message>
    <message>
        <source>Nothing leaves this computer. Starting the sandbox…</source>
        <translation>Nada sale de este equipo. Iniciando el sandbox…</translation>
    </message>
    <message>
        <source>Reset demo data</source>
        <translation>Restablecer los datos de demostración</translation>
    </message>
    <message>
        <source>Put the demo&apos;s boxes, devices and pins back as they were; the sign-in and the keys stay</source>
        <translation>Devolver las cajas, dispositivos y pines de la demostración a su estado inicial; el inicio de sesión y las claves se mantienen</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Fill &amp;demo values</source>
        <translation>Valores de &amp;demostración</translation>
    </message>
    <message>
        <source>Use a device of the offline sandbox</source>
        <translation>Usar un dispositivo del sandbox sin conexión</translation>
    </message>
    <message>
        <source>&amp;Find consumer</source>
        <translation>&amp;Buscar consumidor</translation>
    </message>
    <message>
        <source>Look the consumer up by the email of their account</source>
        <translation>Buscar al consumidor por el correo de su cuenta</translation>
    </message>
    <message>
        <source>Consumers found</source>
        <translation>Consumidores encontrados</translation>
    </message>
    <message>
        <source>Pick the consumer to link: Enter fills in the consumer id</source>
        <translation>Elija el consumidor que vincular: Intro rellena el id de consumidor</translation>
    </message>
    <message>
        <source>Looking for {email}…</source>
        <translation>Buscando {email}…</translation>
    </message>
    <message>
        <source>No {provider} consumer has the email {email}. Check the spelling with the customer.</source>
        <translation>Ningún consumidor de {provider} tiene el correo {email}. Compruebe la ortografía con el cliente.</translation>
    </message>
    <message>
        <source>Linked devices: {devices}</source>
        <translation>Dispositivos vinculados: {devices}</translation>
    </message>
    <message>
        <source>No linked device yet</source>
        <translation>Todavía no hay ningún dispositivo vinculado</translation>
    </message>
    <message>
        <source>Found one consumer: filled in.</source>
        <translation>Se encontró un consumidor: rellenado.</translation>
    </message>
    <message numerus="yes">
        <source>%n consumers have this email: pick the right one.</source>
        <translation>
            <numerusform>%n consumidor tiene este correo: elija el correcto.</numerusform>
            <numerusform>%n consumidores tienen este correo: elija el correcto.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sandbox has no free demo device left: restart the demo to reset it.</source>
        <translation>El sandbox no tiene ningún dispositivo de demostración libre: reinicie la demostración para restablecerlo.</translation>
    </message>
    <message>
        <source>Demo values filled in.</source>
        <translation>Valores de demostración introducidos.</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show the value (Ctrl+Shift+R)</source>
        <translation>Mostrar el valor (Ctrl+Mayús+R)</translation>
    </message>
    <message>
        <source>Hide the value (Ctrl+Shift+R)</source>
        <translation>Ocultar el valor (Ctrl+Mayús+R)</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Unknown: check by hand</source>
        <translation>Desconocido: compruébelo a mano</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Emparejar</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cierre de sesión</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Offline demo</source>
        <translation>Demostración sin conexión</translation>
    </message>
    <message>
        <source>Online sandbox</source>
        <translation>Sandbox en línea</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identificadores</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Time: {time} ({utc})</source>
        <translation>Hora: {time} ({utc})</translation>
    </message>
    <message>
        <source>Environment: {environment}</source>
        <translation>Entorno: {environment}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}: {value}</translation>
    </message>
    <message>
        <source>Error: {error}</source>
        <translation>Error: {error}</translation>
    </message>
    <message>
        <source>Request id: {id}</source>
        <translation>Id de la solicitud: {id}</translation>
    </message>
    <message>
        <source>Message: {message}</source>
        <translation>Mensaje: {message}</translation>
    </message>
    <message>
        <source>Batch: #{id}</source>
        <translation>Lote: n.º {id}</translation>
    </message>
    <message>
        <source>History entry: #{id}</source>
        <translation>Entrada del historial: n.º {id}</translation>
    </message>
    <message>
        <source>{action} (batch #{id})</source>
        <translation>{action} (lote n.º {id})</translation>
    </message>
    <message>
        <source>Pairing history — Pairing Wizard</source>
        <translation>Historial de emparejamientos — Pairing Wizard</translation>
    </message>
    <message>
        <source>Pairing history</source>
        <translation>Historial de emparejamientos</translation>
    </message>
    <message>
        <source>Every pairing, undo and sign-in made on this computer, newest first. Identifiers only: never a key, token or {provider} pin.</source>
        <translation>Cada emparejamiento, deshacer e inicio de sesión hechos en este equipo, del más reciente al más antiguo. Solo identificadores: nunca una clave, un token ni un pin de {provider}.</translation>
    </message>
    <message>
        <source>Every pairing, undo and sign-in made on this computer, newest first. Identifiers only: never a key or token.</source>
        <translation>Cada emparejamiento, deshacer e inicio de sesión hechos en este equipo, del más reciente al más antiguo. Solo identificadores: nunca una clave ni un token.</translation>
    </message>
    <message>
        <source>Search: device id, serial number, email, error…</source>
        <translation>Buscar: id del dispositivo, número de serie, correo, error…</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Buscar en el historial</translation>
    </message>
    <message>
        <source>Shows the entries whose identifiers, error or message contain this text (Ctrl+F)</source>
        <translation>Muestra las entradas cuyos identificadores, error o mensaje contienen este texto (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows one provider&apos;s entries only</source>
        <translation>Muestra solo las entradas de un proveedor</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Todos los proveedores</translation>
    </message>
    <message>
        <source>Shows the entries with this outcome only</source>
        <translation>Muestra solo las entradas con este resultado</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Todos los resultados</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>The first day shown (Any date: from the first entry)</source>
        <translation>El primer día mostrado (Cualquier fecha: desde la primera entrada)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>The last day shown, included (Any date: up to today)</source>
        <translation>El último día mostrado, incluido (Cualquier fecha: hasta hoy)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>&amp;hasta</translation>
    </message>
    <message>
        <source>History entries</source>
        <translation>Entradas del historial</translation>
    </message>
    <message>
        <source>Newest first; select an entry to see its details below</source>
        <translation>Las más recientes primero; seleccione una entrada para ver sus detalles debajo</translation>
    </message>
    <message>
        <source>Select an entry to see its details.</source>
        <translation>Seleccione una entrada para ver sus detalles.</translation>
    </message>
    <message>
        <source>Entry details</source>
        <translation>Detalles de la entrada</translation>
    </message>
    <message>
        <source>The selected entry&apos;s details, as Copy details copies them</source>
        <translation>Los detalles de la entrada seleccionada, tal como los copia Copiar detalles</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
    <message>
        <source>Copy the selected entry&apos;s details to the clipboard (no key, token or pin in them)</source>
        <translation>Copiar los detalles de la entrada seleccionada al portapapeles (sin clave, token ni pin)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Write the entries the filters show to a CSV file, without the table&apos;s limit</source>
        <translation>Escribir las entradas que muestran los filtros en un archivo CSV, sin el límite de la tabla</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>Read the history again</source>
        <translation>Volver a leer el historial</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the history window</source>
        <translation>Cerrar la ventana del historial</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>The history could not be read ({error}). Try Refresh.</source>
        <translation>No se pudo leer el historial ({error}). Pruebe Actualizar.</translation>
    </message>
    <message>
        <source>No entry matches.</source>
        <translation>Ninguna entrada coincide.</translation>
    </message>
    <message>
        <source>No pairing recorded yet on this computer.</source>
        <translation>Aún no hay ningún emparejamiento registrado en este equipo.</translation>
    </message>
    <message>
        <source>Showing the newest {count} entries: search or filter to narrow them down. Export CSV writes them all.</source>
        <translation>Se muestran las {count} entradas más recientes: busque o filtre para acotarlas. Exportar CSV las escribe todas.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries match.</source>
        <translation>
            <numerusform>%n entrada coincide.</numerusform>
            <numerusform>%n entradas coinciden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries.</source>
        <translation>
            <numerusform>%n entrada.</numerusform>
            <numerusform>%n entradas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Details of entry #{id} copied to the clipboard (no key, token or pin in them).</source>
        <translation>Detalles de la entrada n.º {id} copiados al portapapeles (sin clave, token ni pin).</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>Exportar el historial</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}. Choose another folder.</source>
        <translation>No se pudo escribir {path}: {error}. Elija otra carpeta.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to {path}.</source>
        <translation>
            <numerusform>%n entrada exportada a {path}.</numerusform>
            <numerusform>%n entradas exportadas a {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>InputError</name>
    <message>
        <source>Xee device id</source>
        <translation>id de dispositivo de Xee</translation>
    </message>
    <message>
        <source>Xee pin</source>
        <translation>pin de Xee</translation>
    </message>
    <message>
        <source>RUFUS device model</source>
        <translation>modelo de dispositivo RUFUS</translation>
    </message>
    <message>
        <source>RUFUS serial number</source>
        <translation>número de serie de RUFUS</translation>
    </message>
    <message>
        <source>RUFUS device alias</source>
        <translation>alias del dispositivo RUFUS</translation>
    </message>
    <message>
        <source>RUFUS firmware version</source>
        <translation>versión de firmware de RUFUS</translation>
    </message>
    <message>
        <source>RUFUS device type</source>
        <translation>tipo de dispositivo RUFUS</translation>
    </message>
    <message>
        <source>RUFUS api key</source>
        <translation>clave API de RUFUS</translation>
    </message>
    <message>
        <source>Zype api key</source>
        <translation>clave API de Zype</translation>
    </message>
    <message>
        <source>Zype consumer id</source>
        <translation>id de consumidor de Zype</translation>
    </message>
    <message>
        <source>Zype linked device id</source>
        <translation>id de dispositivo vinculado de Zype</translation>
    </message>
    <message>
        <source>customer&apos;s email</source>
        <translation>correo del cliente</translation>
    </message>
    <message>
        <source>The {label} is missing: enter it.</source>
        <translation>Falta el campo «{label}»: introdúzcalo.</translation>
    </message>
    <message>
        <source>The {label} contains an invisible character (such as a soft hyphen or a zero-width space): type it again without it.</source>
        <translation>El campo «{label}» contiene un carácter invisible (como un guion suave o un espacio de ancho cero): escríbalo de nuevo sin él.</translation>
    </message>
    <message>
        <source>The {label} is empty: enter it.</source>
        <translation>El campo «{label}» está vacío: rellénelo.</translation>
    </message>
    <message>
        <source>The {label} is too long ({len_value} characters; at most {max_len}): check that only this value was pasted.</source>
        <translation>El campo «{label}» es demasiado largo ({len_value} caracteres; como máximo {max_len}): compruebe que solo se pegó este valor.</translation>
    </message>
    <message>
        <source>The Xee device id may contain only letters, digits, &apos;-&apos; and &apos;_&apos; (it looks like E133742015, printed on the box).</source>
        <translation>El id de dispositivo de Xee solo puede contener letras, dígitos, «-» y «_» (se parece a E133742015 y está impreso en la caja).</translation>
    </message>
    <message>
        <source>The Xee device id must be exactly 10 letters or digits, like E133742015 (printed on the box); this one has {len_value}. Check it before sending: Xee counts every refused attempt toward locking the box.</source>
        <translation>El identificador del dispositivo Xee debe tener exactamente 10 letras o cifras, como E133742015 (impreso en la caja); este tiene {len_value}. Compruébelo antes de enviarlo: Xee cuenta cada intento rechazado para bloquear la caja.</translation>
    </message>
    <message>
        <source>The Xee device id does not have the format set in the settings (xee/deviceIdPattern: {override_pattern}). Check it against the box.</source>
        <translation>El identificador del dispositivo Xee no tiene el formato definido en la configuración (xee/deviceIdPattern: {override_pattern}). Compárelo con la caja.</translation>
    </message>
    <message>
        <source>The Xee pin may contain only letters and digits (it is printed on the box, usually 4 digits).</source>
        <translation>El pin de Xee solo puede contener letras y dígitos (está impreso en la caja, normalmente 4 dígitos).</translation>
    </message>
    <message>
        <source>The Xee pin must be exactly 4 digits (on the card delivered with the box). Check it before sending: three wrong pins lock the box.</source>
        <translation>El PIN de Xee debe tener exactamente 4 cifras (en la tarjeta entregada con la caja). Compruébelo antes de enviarlo: tres PIN erróneos bloquean la caja.</translation>
    </message>
    <message>
        <source>The Xee pin does not have the format set in the settings (xee/pinPattern: {override_pattern}). Check it against the box&apos;s card.</source>
        <translation>El PIN de Xee no tiene el formato definido en la configuración (xee/pinPattern: {override_pattern}). Compárelo con la tarjeta de la caja.</translation>
    </message>
    <message>
        <source>The RUFUS deviceid must be exactly 64 hexadecimal characters (0-9, A-F), as returned by the bind.</source>
        <translation>El deviceid de RUFUS debe tener exactamente 64 caracteres hexadecimales (0-9, A-F), tal como lo devuelve la vinculación.</translation>
    </message>
    <message>
        <source>The {label} may contain only printable ASCII characters without spaces: copy it again from the provider&apos;s console.</source>
        <translation>El campo «{label}» solo puede contener caracteres ASCII imprimibles sin espacios: cópielo de nuevo desde la consola del proveedor.</translation>
    </message>
    <message>
        <source>The Zype pin must be exactly 7 letters or digits, as shown by the TV app (for example zabc123).</source>
        <translation>El pin de Zype debe tener exactamente 7 letras o dígitos, tal como lo muestra la aplicación de TV (por ejemplo zabc123).</translation>
    </message>
    <message>
        <source>The Zype consumer id may contain only letters, digits and punctuation, without spaces: find it with the customer&apos;s email.</source>
        <translation>El id de consumidor de Zype solo puede contener letras, dígitos y signos de puntuación, sin espacios: búsquelo con el correo del cliente.</translation>
    </message>
    <message>
        <source>The customer&apos;s email does not look like an address (name@example.com): check it.</source>
        <translation>El correo del cliente no parece una dirección (nombre@example.com): compruébelo.</translation>
    </message>
    <message>
        <source>The {label} contains an invisible or control character (such as a tab or a line break): type it again without it.</source>
        <translation>El campo «{label}» contiene un carácter invisible o de control (como un tabulador o un salto de línea): escríbalo de nuevo sin él.</translation>
    </message>
    <message>
        <source>The format in {setting} is not a valid regular expression ({exc}): fix it, or clear it to use Xee&apos;s usual format.</source>
        <translation>El formato de {setting} no es una expresión regular válida ({exc}): corríjalo, o déjelo vacío para usar el formato habitual de Xee.</translation>
    </message>
    <message>
        <source>RUFUS deviceid</source>
        <translation>deviceid de RUFUS</translation>
    </message>
    <message>
        <source>Zype pin</source>
        <translation>pin de Zype</translation>
    </message>
    <message>
        <source>Unknown environment {environment}: use production, sandbox or demo.</source>
        <translation>Entorno desconocido {environment}: use production, sandbox o demo.</translation>
    </message>
    <message>
        <source>The Xee API version {text} is not one Pairing Wizard speaks: use v3 (the default) or v4.</source>
        <translation>Pairing Wizard no admite la versión de API de Xee {text}: use v3 (la predeterminada) o v4.</translation>
    </message>
    <message>
        <source>The {provider} API address must be an http(s) URL without query, such as https://api.example.com/v1.</source>
        <translation>La dirección de la API de {provider} debe ser una URL http(s) sin parámetros, como https://api.example.com/v1.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: use {choices} or {last}.</source>
        <translation>Proveedor desconocido {provider}: use {choices} o {last}.</translation>
    </message>
    <message>
        <source>{provider} has no online sandbox: use production, or demo for the offline sandbox.</source>
        <translation>{provider} no tiene sandbox en línea: use production, o demo para el sandbox sin conexión.</translation>
    </message>
    <message>
        <source>The demo environment needs the address of the running offline sandbox.</source>
        <translation>El entorno de demostración necesita la dirección del sandbox sin conexión en marcha.</translation>
    </message>
    <message>
        <source>The Xee access token is not usable (empty or with invalid characters): sign in to Xee again.</source>
        <translation>El token de acceso de Xee no es utilizable (vacío o con caracteres no válidos): vuelva a iniciar sesión en Xee.</translation>
    </message>
    <message>
        <source>Pages start at 1 and hold 1 to 5000 devices.</source>
        <translation>Las páginas empiezan en 1 y contienen de 1 a 5000 dispositivos.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: no provider is registered.</source>
        <translation>Proveedor desconocido {provider}: no hay ningún proveedor registrado.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: use {only}.</source>
        <translation>Proveedor desconocido {provider}: use {only}.</translation>
    </message>
</context>
<context>
    <name>NetworkCheckDialog</name>
    <message>
        <source>Network check — Pairing Wizard</source>
        <translation>Comprobación de red — Pairing Wizard</translation>
    </message>
    <message>
        <source>Network check</source>
        <translation>Comprobación de red</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Volver a comprobar</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Volver a comprobar</translation>
    </message>
    <message>
        <source>Run the checks again: DNS, connection, TLS and HTTP</source>
        <translation>Repetir las comprobaciones: DNS, conexión, TLS y HTTP</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the report to the clipboard</source>
        <translation>Copiar el informe al portapapeles</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the network check</source>
        <translation>Cerrar la comprobación de red</translation>
    </message>
    <message>
        <source>The settings changed: Check again.</source>
        <translation>Los ajustes han cambiado: vuelva a comprobar.</translation>
    </message>
    <message>
        <source>Network check: {provider}</source>
        <translation>Comprobación de red: {provider}</translation>
    </message>
    <message>
        <source>Checking DNS, the connection, TLS and HTTP…</source>
        <translation>Comprobando DNS, la conexión, TLS y HTTP…</translation>
    </message>
    <message>
        <source>API address: {address}</source>
        <translation>Dirección de la API: {address}</translation>
    </message>
    <message>
        <source>{provider} is reachable from this computer.</source>
        <translation>{provider} es accesible desde este equipo.</translation>
    </message>
    <message>
        <source>{provider} is NOT reachable from this computer.</source>
        <translation>{provider} NO es accesible desde este equipo.</translation>
    </message>
</context>
<context>
    <name>NetworkCheckPanel</name>
    <message>
        <source>Check the net&amp;work…</source>
        <translation>Comprobar la &amp;red…</translation>
    </message>
    <message>
        <source>Can this computer reach the provider&apos;s API address? DNS, connection, TLS and one harmless HTTP request.</source>
        <translation>¿Puede este equipo llegar a la dirección de la API del proveedor? DNS, conexión, TLS y una solicitud HTTP inofensiva.</translation>
    </message>
    <message>
        <source>Check the network</source>
        <translation>Comprobar la red</translation>
    </message>
</context>
<context>
    <name>PairingPage</name>
    <message>
        <source>Waiting for the provider</source>
        <translation>Esperando al proveedor</translation>
    </message>
    <message>
        <source>Cancel stops waiting. A request that already reached the provider may still be carried out: the result page tells you how to check.</source>
        <translation>Cancelar deja de esperar. Una solicitud que ya llegó al proveedor puede ejecutarse igualmente: la página de resultado le indica cómo comprobarlo.</translation>
    </message>
    <message>
        <source>Talking to the provider. The window stays usable; Cancel is always available.</source>
        <translation>Comunicando con el proveedor. La ventana sigue disponible; Cancelar siempre está a mano.</translation>
    </message>
    <message>
        <source>Pairing…</source>
        <translation>Emparejando…</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>Enviando la solicitud…</translation>
    </message>
    <message>
        <source>Waiting for the answer… {seconds} s</source>
        <translation>Esperando la respuesta… {seconds} s</translation>
    </message>
</context>
<context>
    <name>PairingWizard</name>
    <message>
        <source>Nothing leaves this computer · {url}</source>
        <translation>Nada sale de este equipo · {url}</translation>
    </message>
    <message>
        <source>Step {number}: {title}</source>
        <translation>Paso {number}: {title}</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Every pairing made on this computer (Ctrl+H)</source>
        <translation>Todos los emparejamientos hechos en este equipo (Ctrl+H)</translation>
    </message>
    <message>
        <source>Batch from CSV…</source>
        <translation>Lote desde CSV…</translation>
    </message>
    <message>
        <source>Pair many devices from a CSV file, with the provider and credentials entered here</source>
        <translation>Emparejar muchos dispositivos desde un archivo CSV, con el proveedor y las credenciales introducidos aquí</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>Back to the previous page (Alt+B)</source>
        <translation>Volver a la página anterior (Alt+A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop waiting for the request, or close the wizard (Esc)</source>
        <translation>Dejar de esperar la solicitud o cerrar el asistente (Esc)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <source>On to the next page (Alt+N)</source>
        <translation>Ir a la página siguiente (Alt+S)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Emparejar</translation>
    </message>
    <message>
        <source>Send the one request shown on this page</source>
        <translation>Enviar la única solicitud descrita en esta página</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <source>Close the wizard (Alt+F)</source>
        <translation>Cerrar el asistente (Alt+T)</translation>
    </message>
    <message>
        <source>The offline sandbox did not start ({error}).</source>
        <translation>El sandbox sin conexión no se ha iniciado ({error}).</translation>
    </message>
    <message>
        <source>Could not reset the demo data ({error}): restart the demo.</source>
        <translation>No se pudieron restablecer los datos de demostración ({error}): reinicie la demostración.</translation>
    </message>
    <message>
        <source>Demo data reset: boxes, devices and pins are as new; the sign-in and the keys are kept.</source>
        <translation>Datos de demostración restablecidos: cajas, dispositivos y pines como nuevos; se conservan el inicio de sesión y las claves.</translation>
    </message>
    <message>
        <source>Close the wizard?</source>
        <translation>¿Cerrar el asistente?</translation>
    </message>
    <message>
        <source>The values typed so far will be lost.</source>
        <translation>Se perderán los valores escritos hasta ahora.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>Restart Pairing Wizard?</source>
        <translation>¿Reiniciar Pairing Wizard?</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Reiniciar ahora</translation>
    </message>
    <message>
        <source>Batch from CSV: {problem}</source>
        <translation>Lote desde CSV: {problem}</translation>
    </message>
    <message>
        <source>Wrong pins already sent for this box: {failed}. If this pin is wrong too, {provider} locks the box and only {provider} support can unlock it.</source>
        <translation>Pines erróneos ya enviados para esta caja: {failed}. Si este pin también es erróneo, {provider} bloquea la caja y solo el soporte de {provider} puede desbloquearla.</translation>
    </message>
    <message>
        <source>Last attempt before the box locks</source>
        <translation>Último intento antes de que la caja se bloquee</translation>
    </message>
    <message>
        <source>Two wrong pins were already sent for this box. If this pin is wrong too, {provider} locks the box and only {provider} support can unlock it.</source>
        <translation>Ya se enviaron dos pines erróneos para esta caja. Si este pin también es erróneo, {provider} bloquea la caja y solo el soporte de {provider} puede desbloquearla.</translation>
    </message>
    <message>
        <source>Check the pin on the box&apos;s card (Show reveals it).</source>
        <translation>Compruebe el pin en la tarjeta de la caja (Mostrar lo revela).</translation>
    </message>
    <message>
        <source>Send this pin</source>
        <translation>Enviar este pin</translation>
    </message>
    <message>
        <source>Check the pin first</source>
        <translation>Comprobar el pin primero</translation>
    </message>
    <message>
        <source>{action}?</source>
        <translation>¿{action}?</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarlo</translation>
    </message>
    <message>
        <source>{action}…</source>
        <translation>{action}…</translation>
    </message>
    <message>
        <source>Leave it anyway?</source>
        <translation>¿Salir de todos modos?</translation>
    </message>
    <message>
        <source>Leave without it</source>
        <translation>Salir sin él</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver</translation>
    </message>
</context>
<context>
    <name>ProviderError</name>
    <message>
        <source>Xee rejected the device id or the pin (wrong format or wrong pin). Check both against the box&apos;s label and try again, carefully: Xee locks a box after 3 failed attempts.</source>
        <translation>Xee rechazó el id del dispositivo o el pin (formato incorrecto o pin incorrecto). Compruebe ambos en la etiqueta de la caja y vuelva a intentarlo con cuidado: Xee bloquea una caja tras 3 intentos fallidos.</translation>
    </message>
    <message>
        <source>This box has already failed 3 association attempts, so Xee refuses any further pin for it: do not try again, ask Xee support (or the box owner, from their Xee account) to unlock the box, then associate it.</source>
        <translation>Esta caja ya ha fallado 3 intentos de asociación, así que Xee rechaza cualquier otro pin: no lo intente de nuevo; pida al soporte de Xee (o al dueño de la caja, desde su cuenta de Xee) que la desbloquee y después asóciela.</translation>
    </message>
    <message>
        <source>Xee knows no box with this device id (or the signed-in user no longer exists). Check the device id on the box&apos;s label and that you use the right environment.</source>
        <translation>Xee no conoce ninguna caja con este id de dispositivo (o el usuario con sesión iniciada ya no existe). Compruebe el id en la etiqueta de la caja y que usa el entorno correcto.</translation>
    </message>
    <message>
        <source>This box is already associated to another Xee user. Its current owner must dissociate it (or ask Xee support to) before it can be associated here.</source>
        <translation>Esta caja ya está asociada a otro usuario de Xee. Su dueño actual debe desasociarla (o pedírselo al soporte de Xee) antes de poder asociarla aquí.</translation>
    </message>
    <message>
        <source>Xee rejected the device id. Check it against the box&apos;s label and try again.</source>
        <translation>Xee rechazó el id del dispositivo. Compruébelo en la etiqueta de la caja y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Xee knows no box (or car) with this device id. Check the device id and that you use the right environment.</source>
        <translation>Xee no conoce ninguna caja (ni coche) con este id de dispositivo. Compruebe el id y que usa el entorno correcto.</translation>
    </message>
    <message>
        <source>This box is not associated to any user, so there is nothing to dissociate: no action is needed.</source>
        <translation>Esta caja no está asociada a ningún usuario, así que no hay nada que desasociar: no hace falta hacer nada.</translation>
    </message>
    <message>
        <source>A device with this serial number is already bound to this RUFUS account (deviceid {deviceid}). Hand over that deviceid, or unbind that device first if it must be bound again.</source>
        <translation>Ya hay un dispositivo con este número de serie vinculado a esta cuenta de RUFUS (deviceid {deviceid}). Entregue ese deviceid, o desvincule antes ese dispositivo si debe vincularse de nuevo.</translation>
    </message>
    <message>
        <source>RUFUS knows no device with this deviceid on this account. Check the deviceid (64 hexadecimal characters) and that the api key belongs to the right account.</source>
        <translation>RUFUS no conoce ningún dispositivo con este deviceid en esta cuenta. Compruebe el deviceid (64 caracteres hexadecimales) y que la clave API pertenece a la cuenta correcta.</translation>
    </message>
    <message>
        <source>This RUFUS api key may not unbind devices: it needs WRITE or READ_WRITE access with the unbind permission. Enable unbind on the key in the RUFUS console, or use another key.</source>
        <translation>Esta clave API de RUFUS no puede desvincular dispositivos: necesita acceso WRITE o READ_WRITE con el permiso unbind. Active unbind en la clave desde la consola de RUFUS o use otra clave.</translation>
    </message>
    <message>
        <source>RUFUS knows no device with this deviceid, so nothing was unbound (it may already have been unbound). Check the deviceid and the account.</source>
        <translation>RUFUS no conoce ningún dispositivo con este deviceid, así que no se desvinculó nada (puede que ya estuviera desvinculado). Compruebe el deviceid y la cuenta.</translation>
    </message>
    <message>
        <source>Zype knows no active pin with this value: it is mistyped or expired (pins last 30 minutes). Ask the customer to show a new pin in the TV app and enter it.</source>
        <translation>Zype no conoce ningún pin activo con este valor: está mal escrito o ha caducado (los pines duran 30 minutos). Pida al cliente que muestre un pin nuevo en la aplicación de TV e introdúzcalo.</translation>
    </message>
    <message>
        <source>Zype knows no consumer with this id. Look the customer up by email to get the right consumer id, then link again.</source>
        <translation>Zype no conoce ningún consumidor con este id. Busque al cliente por correo para obtener el id correcto y vuelva a vincular.</translation>
    </message>
    <message>
        <source>Zype refused the api key: it is missing or invalid. Check the key in the Zype dashboard (Settings, API keys) and enter it again.</source>
        <translation>Zype rechazó la clave API: falta o no es válida. Compruebe la clave en el panel de Zype (Settings, API keys) e introdúzcala de nuevo.</translation>
    </message>
    <message>
        <source>Zype could not process the request ({message}). Check the values entered and try again.</source>
        <translation>Zype no pudo procesar la solicitud ({message}). Compruebe los valores introducidos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The Xee sign-in lacks the devices_management permission (the device scope) needed to associate a box. Xee sets an app&apos;s scopes on its client: if the consent page did not offer device management, ask Xee to enable the device scope for this Xee app. Sign in to Xee again and accept the device-management permission.</source>
        <translation>El inicio de sesión en Xee no tiene el permiso devices_management (el scope de dispositivos) necesario para asociar una caja. Xee define los scopes de una app en su cliente: si la página de consentimiento no ofrecía la gestión de dispositivos, pida a Xee que active el scope de dispositivos para esta app de Xee. Vuelva a iniciar sesión en Xee y acepte el permiso de gestión de dispositivos.</translation>
    </message>
    <message>
        <source>The Xee sign-in lacks the cars_read permission needed to list the account&apos;s cars, so Pairing Wizard cannot see whether the box was associated. Add cars_read to the Xee scopes (Advanced settings, or ask IT), sign in to Xee again and accept it; meanwhile ask the customer whether the box shows in the Xee app.</source>
        <translation>El inicio de sesión de Xee no tiene el permiso cars_read necesario para listar los coches de la cuenta, así que Pairing Wizard no puede ver si la caja se asoció. Añada cars_read a los permisos de Xee (Ajustes avanzados, o pregunte a TI), vuelva a iniciar sesión en Xee y acéptelo; mientras tanto, pregunte al cliente si la caja aparece en la app de Xee.</translation>
    </message>
    <message>
        <source>Xee no longer knows the signed-in user. Sign in to Xee again with the customer&apos;s account.</source>
        <translation>Xee ya no conoce al usuario conectado. Vuelva a iniciar sesión en Xee con la cuenta del cliente.</translation>
    </message>
    <message>
        <source>RUFUS rejected the bind&apos;s fields ({message}). RUFUS may require model, serial number and type (alias and firmware are optional): fill in the field it names (the Type field, or the default type in the settings), then bind again.</source>
        <translation>RUFUS rechazó los campos de la vinculación ({message}). RUFUS puede exigir el modelo, el número de serie y el tipo (el alias y el firmware son opcionales): rellene el campo que indica (el campo Tipo, o el tipo por defecto en los ajustes) y vuelva a vincular.</translation>
    </message>
    <message>
        <source>RUFUS refused the api key: it may be mistyped, unknown to RUFUS, or lack the access type this needs (reading: READ or READ_WRITE; binding: WRITE or READ_WRITE). Check the key and its access type in the RUFUS console, then enter it again or use another key.</source>
        <translation>RUFUS rechazó la clave API: puede estar mal escrita, ser desconocida para RUFUS o no tener el tipo de acceso necesario (lectura: READ o READ_WRITE; vinculación: WRITE o READ_WRITE). Compruebe la clave y su tipo de acceso en la consola de RUFUS y vuelva a introducirla o use otra clave.</translation>
    </message>
    <message>
        <source>RUFUS refused to bind with this api key: it may lack write access (WRITE or READ_WRITE; a READ key may only read), or be mistyped or unknown to RUFUS. Check the key and its access type in the RUFUS console, or use a key with write access.</source>
        <translation>RUFUS rechazó la vinculación con esta clave API: puede que no tenga acceso de escritura (WRITE o READ_WRITE; una clave READ solo puede leer), o que esté mal escrita o sea desconocida para RUFUS. Compruebe la clave y su tipo de acceso en la consola de RUFUS, o use una clave con acceso de escritura.</translation>
    </message>
    <message>
        <source>RUFUS refused to read devices with this api key: it may lack read access (READ or READ_WRITE; a WRITE key may only bind), or be mistyped or unknown to RUFUS. Check the key and its access type in the RUFUS console, or use a key with read access.</source>
        <translation>RUFUS rechazó la lectura de dispositivos con esta clave API: puede que no tenga acceso de lectura (READ o READ_WRITE; una clave WRITE solo puede vincular), o que esté mal escrita o sea desconocida para RUFUS. Compruebe la clave y su tipo de acceso en la consola de RUFUS, o use una clave con acceso de lectura.</translation>
    </message>
    <message>
        <source>Zype refused this change with this api key: either the key is invalid, or this key may not modify anything (a Read Only or Player key, which can still look consumers up). Use an Admin api key from the Zype dashboard (Settings, API keys).</source>
        <translation>Zype rechazó este cambio con esta clave API: o la clave no es válida, o esta clave no puede modificar nada (una clave Read Only o Player, que aún puede buscar consumidores). Use una clave API Admin del panel de Zype (Settings, API keys).</translation>
    </message>
    <message>
        <source>Zype refused this change: this key may not modify anything (it is a Read Only or Player key). Use an Admin api key from the Zype dashboard (Settings, API keys).</source>
        <translation>Zype rechazó este cambio: esta clave no puede modificar nada (es una clave Read Only o Player). Use una clave API Admin del panel de Zype (Settings, API keys).</translation>
    </message>
    <message>
        <source>Zype has no pin for this linked device id: the TV app has not asked for one. Ask the customer to open the app&apos;s link screen, then check again.</source>
        <translation>Zype no tiene ningún pin para este id de dispositivo vinculado: la aplicación de TV no ha pedido ninguno. Pida al cliente que abra la pantalla de vinculación de la aplicación y vuelva a comprobarlo.</translation>
    </message>
    <message>
        <source>Xee received no access token with the request. Sign in to Xee again; if it keeps happening, report it as a Pairing Wizard bug.</source>
        <translation>Xee no recibió ningún token de acceso con la solicitud. Vuelva a iniciar sesión en Xee; si sigue ocurriendo, notifíquelo como un error de Pairing Wizard.</translation>
    </message>
    <message>
        <source>Xee could not read the access token sent with the request. Sign in to Xee again; if it keeps happening, report it as a Pairing Wizard bug.</source>
        <translation>Xee no pudo leer el token de acceso enviado con la solicitud. Vuelva a iniciar sesión en Xee; si sigue ocurriendo, notifíquelo como un error de Pairing Wizard.</translation>
    </message>
    <message>
        <source>Xee does not recognise the access token (it may belong to another environment or have been replaced). Sign in to Xee again.</source>
        <translation>Xee no reconoce el token de acceso (puede pertenecer a otro entorno o haber sido sustituido). Vuelva a iniciar sesión en Xee.</translation>
    </message>
    <message>
        <source>The Xee sign-in did not grant the permission (scope) this action needs. Xee sets an app&apos;s scopes on its client: if the consent page did not offer it, Xee must enable it for this Xee app first. Sign in to Xee again and accept every permission the consent page asks for.</source>
        <translation>El inicio de sesión en Xee no concedió el permiso (scope) que necesita esta acción. Xee define los scopes de una app en su cliente: si la página de consentimiento no lo ofrecía, Xee debe activarlo antes para esta app de Xee. Vuelva a iniciar sesión en Xee y acepte todos los permisos que pide la página de consentimiento.</translation>
    </message>
    <message>
        <source>The Xee sign-in has expired and could not be renewed. Sign in to Xee again.</source>
        <translation>El inicio de sesión de Xee ha caducado y no pudo renovarse. Vuelva a iniciar sesión en Xee.</translation>
    </message>
    <message>
        <source>The Xee sign-in was revoked (the user or Xee withdrew this app&apos;s access). Sign in to Xee again.</source>
        <translation>El inicio de sesión de Xee fue revocado (el usuario o Xee retiró el acceso de esta aplicación). Vuelva a iniciar sesión en Xee.</translation>
    </message>
    <message>
        <source>The signed-in Xee account may not act for this user or box (the account may be disabled, or the box may belong to another user). Sign in with the customer&apos;s own Xee account (or one allowed to manage it) and try again.</source>
        <translation>La cuenta de Xee con sesión iniciada no puede actuar para este usuario o caja (la cuenta puede estar desactivada o la caja pertenecer a otro usuario). Inicie sesión con la cuenta de Xee del propio cliente (o una autorizada a gestionarla) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>None of the signed-in Xee account&apos;s vehicles has this box, so there is nothing to remove: check the device id, or that the box is associated with this account.</source>
        <translation>Ningún vehículo de la cuenta de Xee conectada tiene esta caja, así que no hay nada que quitar: compruebe el identificador de la caja, o que esté asociada a esta cuenta.</translation>
    </message>
    <message>
        <source>{provider} is limiting requests (status 429){wait}. Wait, then try again; the wizard does not retry by itself.</source>
        <translation>{provider} está limitando las solicitudes (estado 429){wait}. Espere y vuelva a intentarlo; el asistente no reintenta por sí solo.</translation>
    </message>
    <message>
        <source>{provider} is temporarily unavailable (status 503){wait}. Wait, then try again; the wizard does not retry by itself.</source>
        <translation>{provider} no está disponible temporalmente (estado 503){wait}. Espere y vuelva a intentarlo; el asistente no reintenta por sí solo.</translation>
    </message>
    <message>
        <source>{provider} had an internal error (status 500), so the action may or may not have been done. Check the result, then try again in a few minutes.</source>
        <translation>{provider} tuvo un error interno (estado 500), así que la acción puede haberse hecho o no. Compruebe el resultado y vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>A gateway between this computer and {provider} failed (status 502). Check the result, then try again in a few minutes.</source>
        <translation>Falló una pasarela entre este equipo y {provider} (estado 502). Compruebe el resultado y vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>A gateway timed out waiting for {provider} (status 504), so the action may have been done. Check the result before trying again.</source>
        <translation>Una pasarela agotó el tiempo esperando a {provider} (estado 504), así que la acción puede haberse hecho. Compruebe el resultado antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>{provider} answered with an HTML page (status {status}) instead of API data: a proxy, a captive portal or a wrong API address is in the way. Check the network and the API address, then check the result before trying again.</source>
        <translation>{provider} respondió con una página HTML (estado {status}) en lugar de datos de la API: un proxy, un portal cautivo o una dirección de API errónea se interpone. Compruebe la red y la dirección de la API, y después el resultado antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>{provider} sent an unreadable answer (status {status}, not valid JSON). Check the result before trying again; if it persists, report it with the copied details.</source>
        <translation>{provider} envió una respuesta ilegible (estado {status}, JSON no válido). Compruebe el resultado antes de volver a intentarlo; si persiste, notifíquelo con los detalles copiados.</translation>
    </message>
    <message>
        <source>{provider} sent data in an unexpected layout (status {status}: {message}), so the answer could not be read. Check the result before trying again; if it persists, report it with the copied details.</source>
        <translation>{provider} envió datos con una estructura inesperada (estado {status}: {message}), así que no se pudo leer la respuesta. Compruebe el resultado antes de volver a intentarlo; si persiste, notifíquelo con los detalles copiados.</translation>
    </message>
    <message>
        <source>{provider} answered with status {status}, which its documentation does not list for this action. Check the result before trying again; if it persists, report it with the copied details.</source>
        <translation>{provider} respondió con el estado {status}, que su documentación no recoge para esta acción. Compruebe el resultado antes de volver a intentarlo; si persiste, notifíquelo con los detalles copiados.</translation>
    </message>
    <message>
        <source>{provider} refused the request with an error its documentation does not list (status {status}: {message}). Follow the provider&apos;s tip if there is one, or report it with the copied details.</source>
        <translation>{provider} rechazó la solicitud con un error que su documentación no recoge (estado {status}: {message}). Siga el consejo del proveedor si lo hay, o notifíquelo con los detalles copiados.</translation>
    </message>
    <message>
        <source>{provider} did not accept the connection in time, so nothing was sent. Check the internet connection (and any proxy or firewall), then try again.</source>
        <translation>{provider} no aceptó la conexión a tiempo, así que no se envió nada. Compruebe la conexión a Internet (y cualquier proxy o cortafuegos) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{provider} did not answer in time after the request was sent, so it may have been carried out. Check the result before trying again.</source>
        <translation>{provider} no respondió a tiempo después de enviar la solicitud, así que puede haberse ejecutado. Compruebe el resultado antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>The request could not be sent to {provider} in time and may have partly reached it. Check the result before trying again.</source>
        <translation>La solicitud no pudo enviarse a {provider} a tiempo y puede haberle llegado en parte. Compruebe el resultado antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>The connection to {provider} was cut after the request was sent, so it may have been carried out. Check the result before trying again.</source>
        <translation>La conexión con {provider} se cortó después de enviar la solicitud, así que puede haberse ejecutado. Compruebe el resultado antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>The secure connection to {provider} failed (certificate or TLS error), so nothing was sent. Check the computer&apos;s date and time and any proxy that inspects HTTPS.</source>
        <translation>La conexión segura con {provider} falló (error de certificado o TLS), así que no se envió nada. Compruebe la fecha y la hora del equipo y cualquier proxy que inspeccione HTTPS.</translation>
    </message>
    <message>
        <source>Nothing accepted the connection at the {provider} API address, so nothing was sent. Check the address and that the service (or the demo sandbox) is running.</source>
        <translation>Nada aceptó la conexión en la dirección de la API de {provider}, así que no se envió nada. Compruebe la dirección y que el servicio (o el sandbox de demostración) está en marcha.</translation>
    </message>
    <message>
        <source>The {provider} server name could not be found, so nothing was sent. Check the internet connection and the API address.</source>
        <translation>No se encontró el nombre del servidor de {provider}, así que no se envió nada. Compruebe la conexión a Internet y la dirección de la API.</translation>
    </message>
    <message>
        <source>The connection to {provider} could not be opened ({message}), so nothing was sent. Check the internet connection and the API address, then try again.</source>
        <translation>No se pudo abrir la conexión con {provider} ({message}), así que no se envió nada. Compruebe la conexión a Internet y la dirección de la API y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The proxy refused or failed the connection to {provider}, so nothing was sent. Check the proxy settings of this computer.</source>
        <translation>El proxy rechazó o hizo fallar la conexión con {provider}, así que no se envió nada. Compruebe los ajustes de proxy de este equipo.</translation>
    </message>
    <message>
        <source>The connection to {provider} failed ({message}) and the request may have been sent. Check the result before trying again.</source>
        <translation>La conexión con {provider} falló ({message}) y puede que la solicitud se haya enviado. Compruebe el resultado antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>The {provider} API address is not a usable http(s) address ({message}). Fix the address in the settings.</source>
        <translation>La dirección de la API de {provider} no es una dirección http(s) utilizable ({message}). Corrija la dirección en los ajustes.</translation>
    </message>
    <message>
        <source>RUFUS answered the bind with status {status} but no readable deviceid, so the device may have been bound. Look up its serial number in the device list (or the RUFUS console) before binding again.</source>
        <translation>RUFUS respondió a la vinculación con el estado {status} pero sin un deviceid legible, así que el dispositivo puede haberse vinculado. Busque su número de serie en la lista de dispositivos (o la consola de RUFUS) antes de volver a vincular.</translation>
    </message>
    <message>
        <source>RUFUS answered the bind with a deviceid that does not look like one ({deviceid}), so the device was probably bound. Save this value and check the device list before binding again.</source>
        <translation>RUFUS respondió a la vinculación con un deviceid que no lo parece ({deviceid}), así que el dispositivo probablemente se vinculó. Guarde este valor y compruebe la lista de dispositivos antes de volver a vincular.</translation>
    </message>
    <message>
        <source>The answer to the RUFUS bind was lost ({reason}), so the device may have been bound: look up its serial number in the device list before binding again, as binding twice can create a duplicate.</source>
        <translation>Se perdió la respuesta a la vinculación de RUFUS ({reason}), así que el dispositivo puede haberse vinculado: busque su número de serie en la lista de dispositivos antes de volver a vincular, porque vincular dos veces puede crear un duplicado.</translation>
    </message>
    <message>
        <source>The answer to the Xee association was lost ({reason}), so the box may be associated already: check in the customer&apos;s Xee app before trying again, as every failed attempt counts towards Xee&apos;s 3-failure lock.</source>
        <translation>Se perdió la respuesta a la asociación de Xee ({reason}), así que la caja puede estar ya asociada: compruébelo en la aplicación de Xee del cliente antes de volver a intentarlo, porque cada intento fallido cuenta para el bloqueo de Xee tras 3 fallos.</translation>
    </message>
    <message>
        <source>The answer to the Zype link was lost ({reason}), so the pin may be linked already: check the pin&apos;s status before linking again.</source>
        <translation>Se perdió la respuesta a la vinculación de Zype ({reason}), así que el pin puede estar ya vinculado: compruebe el estado del pin antes de volver a vincular.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>sin respuesta a tiempo</translation>
    </message>
    <message>
        <source>the request could not be sent in time</source>
        <translation>la solicitud no pudo enviarse a tiempo</translation>
    </message>
    <message>
        <source>the connection was cut</source>
        <translation>la conexión se cortó</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>la conexión falló</translation>
    </message>
    <message>
        <source>the server had an internal error</source>
        <translation>el servidor tuvo un error interno</translation>
    </message>
    <message>
        <source>a gateway failed</source>
        <translation>falló una pasarela</translation>
    </message>
    <message>
        <source>a gateway timed out</source>
        <translation>una pasarela agotó el tiempo</translation>
    </message>
    <message>
        <source>an HTML page came back instead</source>
        <translation>volvió una página HTML en su lugar</translation>
    </message>
    <message>
        <source>the answer was unreadable</source>
        <translation>la respuesta era ilegible</translation>
    </message>
    <message>
        <source>the answer had an unexpected layout</source>
        <translation>la respuesta tenía una estructura inesperada</translation>
    </message>
    <message>
        <source>an undocumented status came back</source>
        <translation>volvió un estado no documentado</translation>
    </message>
    <message>
        <source> and asked us to wait {seconds} second</source>
        <translation> y pidió esperar {seconds} segundo</translation>
    </message>
    <message>
        <source> and asked us to wait {seconds} seconds</source>
        <translation> y pidió esperar {seconds} segundos</translation>
    </message>
    <message>
        <source> and asked us to wait {minutes} minutes</source>
        <translation> y pidió esperar {minutes} minutos</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <source>&amp;Environment</source>
        <translation>&amp;Entorno</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Where the device is paired: the offline demo, the provider&apos;s test service, or production</source>
        <translation>Dónde se empareja el dispositivo: la demostración sin conexión, el servicio de pruebas del proveedor o producción</translation>
    </message>
    <message>
        <source>IT&apos;s configuration file was not used: {error}</source>
        <translation>No se usó el archivo de configuración del departamento de informática: {error}</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Ajustes avanzados</translation>
    </message>
    <message>
        <source>Show or hide the API address, the browser command, the Xee app&apos;s credentials, the language and the network check</source>
        <translation>Mostrar u ocultar la dirección de la API, el comando del navegador, las credenciales de la aplicación de Xee, el idioma y la comprobación de red</translation>
    </message>
    <message>
        <source>Which cloud does the device belong to, and where should it be paired?</source>
        <translation>¿A qué nube pertenece el dispositivo y dónde debe emparejarse?</translation>
    </message>
    <message>
        <source>The built-in sandbox answers like the real service, with demo data. Nothing leaves this computer.</source>
        <translation>El sandbox integrado responde como el servicio real, con datos de demostración. Nada sale de este equipo.</translation>
    </message>
    <message>
        <source>{provider}&apos;s own test service: fake data, real network.</source>
        <translation>El servicio de pruebas de {provider}: datos ficticios, red real.</translation>
    </message>
    <message>
        <source>Real customers and real devices: changes are live.</source>
        <translation>Clientes y dispositivos reales: los cambios son inmediatos.</translation>
    </message>
    <message>
        <source>Choose a provider first.</source>
        <translation>Elija primero un proveedor.</translation>
    </message>
    <message>
        <source>Switch to production?</source>
        <translation>¿Pasar a producción?</translation>
    </message>
    <message>
        <source>Production pairs real customers&apos; devices with {name}: every change is live.</source>
        <translation>Producción empareja dispositivos de clientes reales con {name}: cada cambio es real.</translation>
    </message>
    <message>
        <source>Stay in the offline demo to practise.</source>
        <translation>Quédese en la demostración sin conexión para practicar.</translation>
    </message>
    <message>
        <source>Use production</source>
        <translation>Usar producción</translation>
    </message>
    <message>
        <source>Stay here</source>
        <translation>Quedarse aquí</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>Copy what happened, without any key or pin</source>
        <translation>Copiar lo sucedido, sin ninguna clave ni pin</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Corregir</translation>
    </message>
    <message>
        <source>Go back to the page where this can be fixed</source>
        <translation>Volver a la página donde puede corregirse</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Reverse this pairing (asks first)</source>
        <translation>Revertir este emparejamiento (pregunta antes)</translation>
    </message>
    <message>
        <source>Check the net&amp;work…</source>
        <translation>Comprobar la &amp;red…</translation>
    </message>
    <message>
        <source>Can this computer reach the provider? DNS, connection, TLS and one harmless request</source>
        <translation>¿Puede este equipo llegar al proveedor? DNS, conexión, TLS y una solicitud inofensiva</translation>
    </message>
    <message>
        <source>&amp;Pair another device</source>
        <translation>Emparejar &amp;otro dispositivo</translation>
    </message>
    <message>
        <source>Same provider and credentials, a new device</source>
        <translation>Mismo proveedor y credenciales, un dispositivo nuevo</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>Cop&amp;y details</source>
        <translation>Copiar los detalle&amp;s</translation>
    </message>
    <message>
        <source>Details copied to the clipboard.</source>
        <translation>Detalles copiados al portapapeles.</translation>
    </message>
    <message>
        <source>Could not save to {path}: {reason}. Copy it instead.</source>
        <translation>No se pudo guardar en {path}: {reason}. Cópielo en su lugar.</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Guardado en {path}.</translation>
    </message>
    <message>
        <source>The provider</source>
        <translation>El proveedor</translation>
    </message>
    <message>
        <source>&lt;b&gt;Technical detail:&lt;/b&gt; {detail}</source>
        <translation>&lt;b&gt;Detalle técnico:&lt;/b&gt; {detail}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{provider} said:&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;{provider} dijo:&lt;/b&gt; {message}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tip:&lt;/b&gt; {tip}</source>
        <translation>&lt;b&gt;Consejo:&lt;/b&gt; {tip}</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Check &amp;now</source>
        <translation>Comprobar a&amp;hora</translation>
    </message>
    <message>
        <source>Ask the provider whether the last request was carried out</source>
        <translation>Preguntar al proveedor si la última solicitud se llevó a cabo</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. Check what will be sent, where, and as whom.</source>
        <translation>Todavía no se ha enviado nada. Compruebe qué se enviará, adónde y en nombre de quién.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Production: this changes a real customer&apos;s device right away.</source>
        <translation>Producción: esto cambia de inmediato el dispositivo de un cliente real.</translation>
    </message>
    <message>
        <source>“{action}” sends one request. You can undo it from the result page.</source>
        <translation>«{action}» envía una sola solicitud. Puede deshacerla desde la página de resultado.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show {field}</source>
        <translation>Mostrar {field}</translation>
    </message>
    <message>
        <source>Show or hide {field}, about to be sent</source>
        <translation>Mostrar u ocultar {field} antes del envío</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>SignInError</name>
    <message>
        <source>The Xee sign-in was declined in the browser. Sign in again and approve the access Pairing Wizard asks for.</source>
        <translation>El inicio de sesión de Xee se rechazó en el navegador. Vuelva a iniciar sesión y apruebe el acceso que pide Pairing Wizard.</translation>
    </message>
    <message>
        <source>Xee did not authorize the sign-in. Check the Xee account and the app&apos;s settings, then sign in again.</source>
        <translation>Xee no autorizó el inicio de sesión. Compruebe la cuenta de Xee y los ajustes de la aplicación y vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The sign-in was not finished in time. Start the sign-in again and complete it in the browser.</source>
        <translation>El inicio de sesión no se terminó a tiempo. Empiece de nuevo y complételo en el navegador.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled. Start it again when you are ready.</source>
        <translation>Se canceló el inicio de sesión. Empiécelo de nuevo cuando esté listo.</translation>
    </message>
    <message>
        <source>The browser returned a sign-in that Pairing Wizard did not start. Close old sign-in tabs and start the sign-in again.</source>
        <translation>El navegador devolvió un inicio de sesión que Pairing Wizard no empezó. Cierre las pestañas antiguas de inicio de sesión y empiece de nuevo.</translation>
    </message>
    <message>
        <source>Xee refused to complete the sign-in. Start the sign-in again; if it keeps failing, check the app&apos;s client id and secret.</source>
        <translation>Xee se negó a completar el inicio de sesión. Empiece de nuevo; si sigue fallando, compruebe el id y el secreto de cliente de la aplicación.</translation>
    </message>
    <message>
        <source>Xee could not be reached. Check the internet connection (or that the demo sandbox is running), then try again.</source>
        <translation>No se pudo contactar con Xee. Compruebe la conexión a Internet (o que el sandbox de demostración está en marcha) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Pairing Wizard could not listen for the browser&apos;s answer on this computer. Check that local connections to 127.0.0.1 are allowed, then try again.</source>
        <translation>Pairing Wizard no pudo escuchar la respuesta del navegador en este equipo. Compruebe que se permiten las conexiones locales a 127.0.0.1 y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Pairing Wizard could not listen on the redirect port registered for the Xee app: another program may be using it. Close that program, or register another port for the Xee app and add it to the Xee redirect ports setting, then try again.</source>
        <translation>Pairing Wizard no pudo escuchar en el puerto de redirección registrado para la app de Xee: puede que otro programa lo esté usando. Cierre ese programa, o registre otro puerto para la app de Xee y añádalo al ajuste de puertos de redirección de Xee, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Xee sent the sign-in back without the state check value, so Pairing Wizard refused it. If this Xee app never returns it, turn on the setting &quot;Xee does not echo state&quot; (Advanced settings, or --no-state-echo on the command line) and sign in again; you will then confirm the signed-in account.</source>
        <translation>Xee devolvió el inicio de sesión sin el valor de control state, así que Pairing Wizard lo rechazó. Si esta app de Xee nunca lo devuelve, active el ajuste «Xee no devuelve state» (Ajustes avanzados, o --no-state-echo en la línea de comandos) y vuelva a iniciar sesión; entonces confirmará la cuenta conectada.</translation>
    </message>
    <message>
        <source>The signed-in Xee account was not confirmed, so nothing was kept and nothing will be paired. Sign in again with the customer&apos;s account.</source>
        <translation>La cuenta de Xee conectada no se confirmó: no se guardó nada y no se emparejará nada. Vuelva a iniciar sesión con la cuenta del cliente.</translation>
    </message>
    <message>
        <source>No one is signed in to Xee. Sign in first.</source>
        <translation>Nadie ha iniciado sesión en Xee. Inicie sesión primero.</translation>
    </message>
    <message>
        <source>The Xee sign-in has expired or was revoked. Sign in again.</source>
        <translation>El inicio de sesión de Xee ha caducado o fue revocado. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The sign-in could not be read from or saved to the system keychain. Unlock the keychain or keep the sign-in for this session only.</source>
        <translation>No se pudo leer ni guardar el inicio de sesión en el llavero del sistema. Desbloquee el llavero o conserve el inicio de sesión solo para esta sesión.</translation>
    </message>
    <message>
        <source>The Xee sign-in failed. Try again.</source>
        <translation>El inicio de sesión de Xee falló. Vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>XeeSignInPanel</name>
    <message>
        <source>Sign in with the Xee account the box will belong to. The sign-in happens in your browser; Pairing Wizard never sees the password.</source>
        <translation>Inicie sesión con la cuenta de Xee a la que pertenecerá la caja. El inicio de sesión se hace en su navegador; Pairing Wizard nunca ve la contraseña.</translation>
    </message>
    <message>
        <source>&amp;Sign in with Xee</source>
        <translation>&amp;Iniciar sesión con Xee</translation>
    </message>
    <message>
        <source>Opens the Xee sign-in page in your browser</source>
        <translation>Abre la página de inicio de sesión de Xee en su navegador</translation>
    </message>
    <message>
        <source>Xee&apos;s online sandbox needs no sign-in: continue to the device.</source>
        <translation>El sandbox en línea de Xee no necesita inicio de sesión: continúe con el dispositivo.</translation>
    </message>
    <message>
        <source>Finish the sign-in in the browser window that opened. If no browser opened, copy this address into one:</source>
        <translation>Termine el inicio de sesión en la ventana del navegador que se abrió. Si no se abrió ninguno, copie esta dirección en un navegador:</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Dirección de inicio de sesión</translation>
    </message>
    <message>
        <source>The Xee sign-in address, to open in a browser if none opened</source>
        <translation>La dirección de inicio de sesión de Xee, para abrirla en un navegador si no se abrió ninguno</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the sign-in address</source>
        <translation>Copiar la dirección de inicio de sesión</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Cancelar el inicio de sesión</translation>
    </message>
    <message>
        <source>Stop waiting for the browser</source>
        <translation>Dejar de esperar al navegador</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Forget this Xee sign-in on this computer</source>
        <translation>Olvidar este inicio de sesión de Xee en este equipo</translation>
    </message>
    <message>
        <source>Pairing Wizard needs the Xee app&apos;s client id and secret to sign in to {environment}. Enter them on the Provider page, under Advanced settings (or set XEE_CLIENT_ID and XEE_CLIENT_SECRET).</source>
        <translation>Pairing Wizard necesita el id y el secreto de cliente de la aplicación de Xee para iniciar sesión en {environment}. Introdúzcalos en la página Proveedor, en Ajustes avanzados (o defina XEE_CLIENT_ID y XEE_CLIENT_SECRET).</translation>
    </message>
    <message>
        <source>Signed in as {account}</source>
        <translation>Sesión iniciada como {account}</translation>
    </message>
    <message>
        <source>The sign-in is kept in the system keychain for the next time.</source>
        <translation>El inicio de sesión se guarda en el llavero del sistema para la próxima vez.</translation>
    </message>
    <message>
        <source>The sign-in is kept for this session only (no usable keychain).</source>
        <translation>El inicio de sesión se guarda solo para esta sesión (no hay ningún llavero utilizable).</translation>
    </message>
    <message>
        <source>Demo accounts for the sandbox&apos;s sign-in page: {accounts}</source>
        <translation>Cuentas de demostración para la página de inicio de sesión del sandbox: {accounts}</translation>
    </message>
    <message>
        <source>Checking the stored sign-in…</source>
        <translation>Comprobando el inicio de sesión guardado…</translation>
    </message>
    <message>
        <source>The stored sign-in no longer works: {advice}</source>
        <translation>El inicio de sesión guardado ya no funciona: {advice}</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>Sin llavero</translation>
    </message>
    <message>
        <source>This computer has no usable keychain, so the Xee sign-in cannot be kept after Pairing Wizard closes.</source>
        <translation>Este equipo no tiene ningún llavero utilizable, así que el inicio de sesión de Xee no puede conservarse después de cerrar Pairing Wizard.</translation>
    </message>
    <message>
        <source>Keep the sign-in for this session only?</source>
        <translation>¿Conservar el inicio de sesión solo para esta sesión?</translation>
    </message>
    <message>
        <source>Keep for this session</source>
        <translation>Conservar para esta sesión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Sign-in cancelled: nothing kept.</source>
        <translation>Inicio de sesión cancelado: no se ha guardado nada.</translation>
    </message>
    <message>
        <source>The Xee redirect URI setting cannot be used: {reason}</source>
        <translation>El ajuste de URI de redirección de Xee no se puede usar: {reason}</translation>
    </message>
    <message>
        <source>The browser could not be opened: copy the address above into a browser.</source>
        <translation>No se pudo abrir el navegador: copie la dirección de arriba en un navegador.</translation>
    </message>
    <message>
        <source>Signed in. Reading the account…</source>
        <translation>Sesión iniciada. Leyendo la cuenta…</translation>
    </message>
    <message>
        <source>{advice} (technical detail: {detail})</source>
        <translation>{advice} (detalle técnico: {detail})</translation>
    </message>
    <message>
        <source>{advice} (Xee said: {message})</source>
        <translation>{advice} (Xee dijo: {message})</translation>
    </message>
    <message>
        <source>Signed in, but the keychain refused to keep the sign-in: it lasts for this session only.</source>
        <translation>Sesión iniciada, pero el llavero no quiso guardarla: solo dura esta sesión.</translation>
    </message>
    <message>
        <source>Confirm the Xee account</source>
        <translation>Confirmar la cuenta de Xee</translation>
    </message>
    <message>
        <source>Signed in as {account}.</source>
        <translation>Sesión iniciada como {account}.</translation>
    </message>
    <message>
        <source>Xee did not return the sign-in&apos;s check value (state), so make sure this is the customer&apos;s Xee account before pairing.</source>
        <translation>Xee no devolvió el valor de control del inicio de sesión (state): compruebe que es la cuenta de Xee del cliente antes de emparejar.</translation>
    </message>
    <message>
        <source>This is the right account</source>
        <translation>Es la cuenta correcta</translation>
    </message>
    <message>
        <source>Not this account</source>
        <translation>No es esta cuenta</translation>
    </message>
    <message>
        <source>Waiting for the browser… {time} left</source>
        <translation>Esperando al navegador… quedan {time}</translation>
    </message>
</context>
<context>
    <name>batch</name>
    <message>
        <source>The file is empty: the first line must name the columns ({join_expected}).</source>
        <translation>El archivo está vacío: la primera línea debe nombrar las columnas ({join_expected}).</translation>
    </message>
    <message>
        <source>Unknown column(s) {join_unknown}: a {provider} file has the columns {join_expected} (see the template).</source>
        <translation>Columna(s) desconocida(s) {join_unknown}: un archivo de {provider} tiene las columnas {join_expected} (vea la plantilla).</translation>
    </message>
    <message>
        <source>Missing column(s): {join_missing}.</source>
        <translation>Falta(n) la(s) columna(s): {join_missing}.</translation>
    </message>
    <message>
        <source>Column(s) given twice: {join_duplicated}.</source>
        <translation>Columna(s) repetida(s): {join_duplicated}.</translation>
    </message>
    <message>
        <source>A Zype file needs a consumer_id or an email column.</source>
        <translation>Un archivo de Zype necesita una columna consumer_id o email.</translation>
    </message>
    <message>
        <source>The file has a header but no rows.</source>
        <translation>El archivo tiene encabezado pero ninguna fila.</translation>
    </message>
    <message>
        <source>This file was already run for {name} (batch #{batch_id}, started {started}): nothing was sent. Use --resume to continue it (rows already paired are not sent again).</source>
        <translation>Este archivo ya se ejecutó para {name} (lote n.º {batch_id}, iniciado el {started}): no se envió nada. Use --resume para continuarlo (las filas ya emparejadas no se vuelven a enviar).</translation>
    </message>
    <message>
        <source>This file was already run for {name} (batch #{batch_id}, started {started}): nothing was sent. Use Resume to continue it (rows already paired are not sent again).</source>
        <translation>Este archivo ya se ejecutó para {name} (lote n.º {batch_id}, iniciado el {started}): no se envió nada. Use Reanudar para continuarlo (las filas ya emparejadas no se vuelven a enviar).</translation>
    </message>
    <message>
        <source>Zype&apos;s answer was lost ({reason}): check by hand whether pin {pin} is linked, in the Zype dashboard or on the TV.</source>
        <translation>La respuesta de Zype se perdió ({reason}): compruebe a mano si el pin {pin} está vinculado, en el panel de Zype o en la TV.</translation>
    </message>
    <message>
        <source>{path_name} is larger than {megabytes} MB.</source>
        <translation>{path_name} supera los {megabytes} MB.</translation>
    </message>
    <message>
        <source>The batch journal could not be written ({error}), so the batch stopped: nothing is sent without it. Free disk space or close what holds the history database, then run the same file again with --resume: rows already sent are checked, never sent twice.</source>
        <translation>No se pudo escribir el registro del lote ({error}), así que el lote se detuvo: no se envía nada sin él. Libere espacio en disco o cierre lo que bloquea la base del historial y vuelva a ejecutar el mismo archivo con --resume: las filas ya enviadas se comprueban, nunca se envían dos veces.</translation>
    </message>
    <message>
        <source>The batch journal could not be written ({error}), so the batch stopped: nothing is sent without it. Free disk space or close what holds the history database, then run the same file again with Resume: rows already sent are checked, never sent twice.</source>
        <translation>No se pudo escribir el registro del lote ({error}), así que el lote se detuvo: no se envía nada sin él. Libere espacio en disco o cierre lo que bloquea la base del historial y vuelva a ejecutar el mismo archivo con Reanudar: las filas ya enviadas se comprueban, nunca se envían dos veces.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: no provider is registered.</source>
        <translation>Proveedor desconocido {provider}: no hay ningún proveedor registrado.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: use {only}.</source>
        <translation>Proveedor desconocido {provider}: use {only}.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: use {choices} or {last}.</source>
        <translation>Proveedor desconocido {provider}: use {choices} o {last}.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {exc_strerror_or_exc}.</source>
        <translation>No se puede leer {path}: {exc_strerror_or_exc}.</translation>
    </message>
    <message>
        <source>The file is not valid CSV: {exc}.</source>
        <translation>El archivo no es un CSV válido: {exc}.</translation>
    </message>
    <message>
        <source>The file is not valid CSV near line {reader_line_num}: {exc}.</source>
        <translation>El archivo no es un CSV válido cerca de la línea {reader_line_num}: {exc}.</translation>
    </message>
    <message>
        <source>This file was interrupted for {name} (batch #{batch_id}, started {started}): nothing was sent. Use --resume to continue it (rows already paired are not sent again).</source>
        <translation>Este archivo se interrumpió para {name} (lote n.º {batch_id}, iniciado el {started}): no se envió nada. Use --resume para continuarlo (las filas ya emparejadas no se vuelven a enviar).</translation>
    </message>
    <message>
        <source>This file was interrupted for {name} (batch #{batch_id}, started {started}): nothing was sent. Use Resume to continue it (rows already paired are not sent again).</source>
        <translation>Este archivo se interrumpió para {name} (lote n.º {batch_id}, iniciado el {started}): no se envió nada. Use Reanudar para continuarlo (las filas ya emparejadas no se vuelven a enviar).</translation>
    </message>
    <message>
        <source>No batch #{self_batch_id} in the journal.</source>
        <translation>No hay ningún lote n.º {self_batch_id} en el registro.</translation>
    </message>
    <message>
        <source>The file no longer matches batch #{self_batch_id} (rows {missing} are missing): use the original file.</source>
        <translation>El archivo ya no coincide con el lote n.º {self_batch_id} (faltan las filas {missing}): use el archivo original.</translation>
    </message>
    <message>
        <source>Cancelled: run the same file again with --resume to continue.</source>
        <translation>Cancelado: vuelva a ejecutar el mismo archivo con --resume para continuar.</translation>
    </message>
    <message>
        <source>Cancelled: use Resume to continue.</source>
        <translation>Cancelado: use Reanudar para continuar.</translation>
    </message>
    <message>
        <source>Bound by an earlier try whose answer was lost.</source>
        <translation>Vinculado por un intento anterior cuya respuesta se perdió.</translation>
    </message>
    <message>
        <source>{provider} refused the credentials: {error_advice} Nothing is lost: fix it, then resume.</source>
        <translation>{provider} rechazó las credenciales: {error_advice} No se pierde nada: corríjalo y después reanude.</translation>
    </message>
    <message>
        <source>{provider} asked us to slow down: waiting {seconds} s (now {limit} at a time)</source>
        <translation>{provider} nos pidió ir más despacio: esperando {seconds} s (ahora {limit} a la vez)</translation>
    </message>
    <message>
        <source>No Zype consumer has the email {email}: check it, or give the consumer_id.</source>
        <translation>Ningún consumidor de Zype tiene el correo {email}: compruébelo o indique el consumer_id.</translation>
    </message>
    <message>
        <source>{len_consumers} Zype consumers have the email {email}: give the consumer_id instead.</source>
        <translation>{len_consumers} consumidores de Zype tienen el correo {email}: indique el consumer_id en su lugar.</translation>
    </message>
    <message>
        <source>Sent again after an uncertain answer ({reason}).</source>
        <translation>Reenviada tras una respuesta incierta ({reason}).</translation>
    </message>
    <message>
        <source>Xee&apos;s answer was lost several times: check by hand whether the box is associated (Xee app or console).</source>
        <translation>La respuesta de Xee se perdió varias veces: compruebe a mano si la caja está asociada (aplicación o consola de Xee).</translation>
    </message>
    <message>
        <source>RUFUS&apos;s answer was lost ({reason}) and the device list could not be read: check by hand whether serial number {serial} is bound (RUFUS console).</source>
        <translation>La respuesta de RUFUS se perdió ({reason}) y no se pudo leer la lista de dispositivos: compruebe a mano si el número de serie {serial} está vinculado (consola de RUFUS).</translation>
    </message>
    <message>
        <source>Zype&apos;s answer was lost ({reason}): check by hand whether pin {pin} is linked, in the Zype dashboard or on the TV (add a linked_device_id column to let the batch check by itself).</source>
        <translation>La respuesta de Zype se perdió ({reason}): compruebe a mano si el pin {pin} está vinculado, en el panel de Zype o en la TV (añada una columna linked_device_id para que el lote lo compruebe solo).</translation>
    </message>
    <message>
        <source>The file looks like UTF-16 without a byte-order mark: save it as CSV UTF-8 and try again.</source>
        <translation>El archivo parece estar en UTF-16 sin marca de orden de bytes: guárdelo como CSV UTF-8 e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>More than {max_rows} rows: split the file.</source>
        <translation>Más de {max_rows} filas: divida el archivo.</translation>
    </message>
    <message>
        <source>This line has {cell_count} cells but the header only {header_count}: check the separators.</source>
        <translation>Esta línea tiene {cell_count} celdas pero el encabezado solo {header_count}: compruebe los separadores.</translation>
    </message>
    <message>
        <source>Give the consumer_id or the customer&apos;s email.</source>
        <translation>Indique el consumer_id o el correo del cliente.</translation>
    </message>
    <message>
        <source>the previous run stopped while this request was in flight</source>
        <translation>la ejecución anterior se detuvo mientras esta solicitud estaba en curso</translation>
    </message>
    <message>
        <source>{last_advice} (Tried {row_attempts} times; each time the check showed the change was not made.)</source>
        <translation>{last_advice} ({row_attempts} intentos; cada vez la comprobación mostró que el cambio no se hizo.)</translation>
    </message>
    <message>
        <source>{provider} asked to wait {duration_error_retry_after}, longer than the {duration_self_max_retry_after} a batch waits. The batch stopped; nothing is lost: resume it later.</source>
        <translation>{provider} pidió esperar {duration_error_retry_after}, más que los {duration_self_max_retry_after} que espera un lote. El lote se detuvo; no se pierde nada: reanúdelo más tarde.</translation>
    </message>
    <message>
        <source>The Xee sign-in has expired and Xee refused to renew it. The batch stopped; nothing is lost: sign in to Xee again, then run it again with --resume.</source>
        <translation>El inicio de sesión de Xee ha caducado y Xee se negó a renovarlo. El lote se detuvo; no se pierde nada: vuelva a iniciar sesión en Xee y luego ejecútelo de nuevo con --resume.</translation>
    </message>
    <message>
        <source>The Xee sign-in has expired and Xee refused to renew it. The batch stopped; nothing is lost: sign in to Xee again, then run it again with Resume.</source>
        <translation>El inicio de sesión de Xee ha caducado y Xee se negó a renovarlo. El lote se detuvo; no se pierde nada: vuelva a iniciar sesión en Xee y luego ejecútelo de nuevo con Reanudar.</translation>
    </message>
    <message>
        <source>Xee&apos;s answer was lost ({reason}); the account&apos;s cars show the box.</source>
        <translation>La respuesta de Xee se perdió ({reason}); los coches de la cuenta muestran la caja.</translation>
    </message>
    <message>
        <source>RUFUS&apos;s answer was lost ({reason}); the device list shows it bound.</source>
        <translation>La respuesta de RUFUS se perdió ({reason}); la lista de dispositivos lo muestra vinculado.</translation>
    </message>
    <message>
        <source>Not bound after an uncertain answer ({reason}): sent again.</source>
        <translation>No vinculado tras una respuesta incierta ({reason}): reenviado.</translation>
    </message>
    <message>
        <source>Zype&apos;s answer was lost ({reason}); the pin&apos;s status shows it linked.</source>
        <translation>La respuesta de Zype se perdió ({reason}); el estado del pin lo muestra vinculado.</translation>
    </message>
    <message>
        <source>Not linked after an uncertain answer ({reason}): sent again.</source>
        <translation>No vinculado tras una respuesta incierta ({reason}): reenviado.</translation>
    </message>
    <message>
        <source>The file is not text (save it as CSV, UTF-8).</source>
        <translation>El archivo no es texto (guárdelo como CSV, UTF-8).</translation>
    </message>
    <message>
        <source>The {unique} {key} is already on line {seen_key}: a device is paired once; remove one of the lines.</source>
        <translation>El {unique} {key} ya está en la línea {seen_key}: un dispositivo se empareja una sola vez; quite una de las líneas.</translation>
    </message>
    <message>
        <source>Row {row_row_no} could not be sent after {row_attempts} tries ({row_message}) The batch stopped; nothing is lost: run it again with --resume when the problem is solved.</source>
        <translation>La fila {row_row_no} no se pudo enviar tras {row_attempts} intentos ({row_message}) El lote se detuvo; no se pierde nada: vuelva a ejecutarlo con --resume cuando el problema esté resuelto.</translation>
    </message>
    <message>
        <source>Row {row_row_no} could not be sent after {row_attempts} tries ({row_message}) The batch stopped; nothing is lost: run it again with Resume when the problem is solved.</source>
        <translation>La fila {row_row_no} no se pudo enviar tras {row_attempts} intentos ({row_message}) El lote se detuvo; no se pierde nada: vuelva a ejecutarlo con Reanudar cuando el problema esté resuelto.</translation>
    </message>
    <message>
        <source>{len_devices} RUFUS devices have serial number {serial}: check by hand which one to keep.</source>
        <translation>{len_devices} dispositivos de RUFUS tienen el número de serie {serial}: compruebe a mano cuál conservar.</translation>
    </message>
    <message>
        <source>The pin is linked to another consumer: check by hand.</source>
        <translation>El pin está vinculado a otro consumidor: compruébelo a mano.</translation>
    </message>
    <message>
        <source>The check of an uncertain row failed: {error_advice}</source>
        <translation>Falló la comprobación de una fila incierta: {error_advice}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Archivos de texto (*.txt);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>errors_dialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong inside Pairing Wizard. Nothing you typed is lost; you can go on, or restart the wizard if the window misbehaves.</source>
        <translation>Algo ha fallado dentro de Pairing Wizard. No se ha perdido nada de lo que escribió; puede continuar o reiniciar el asistente si la ventana no se comporta bien.</translation>
    </message>
    <message>
        <source>The log file in {folder} has the details for a bug report.</source>
        <translation>El archivo de registro en {folder} tiene los detalles para un informe de error.</translation>
    </message>
</context>
<context>
    <name>flow</name>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>Emparejamiento</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Offline demo (built-in sandbox)</source>
        <translation>Demostración sin conexión (sandbox integrado)</translation>
    </message>
    <message>
        <source>Offline demo</source>
        <translation>Demostración sin conexión</translation>
    </message>
    <message>
        <source>Online sandbox (the provider&apos;s test service)</source>
        <translation>Sandbox en línea (servicio de pruebas del proveedor)</translation>
    </message>
    <message>
        <source>Online sandbox</source>
        <translation>Sandbox en línea</translation>
    </message>
    <message>
        <source>Production (real customers)</source>
        <translation>Producción (clientes reales)</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <source>Connected-car box: sign in with the customer&apos;s Xee account, then associate the box with its pin.</source>
        <translation>Caja de coche conectado: inicie sesión con la cuenta de Xee del cliente y asocie la caja con su pin.</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Asociar</translation>
    </message>
    <message>
        <source>Timing device: bind it to the company account with an api key, then store the deviceid on the device.</source>
        <translation>Dispositivo de cronometraje: vincúlelo a la cuenta de la empresa con una clave API y guarde el deviceid en el dispositivo.</translation>
    </message>
    <message>
        <source>Bind</source>
        <translation>Vincular</translation>
    </message>
    <message>
        <source>Unbind</source>
        <translation>Desvincular</translation>
    </message>
    <message>
        <source>TV app: link the customer (consumer) to the pin the TV shows, with an api key.</source>
        <translation>Aplicación de TV: vincule al cliente (consumidor) con el pin que muestra el televisor, con una clave API.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Vincular</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Desvincular</translation>
    </message>
    <message>
        <source>Api key</source>
        <translation>Clave API</translation>
    </message>
    <message>
        <source>The RUFUS company api key (ror-…) with WRITE or READ_WRITE access.</source>
        <translation>La clave API de la empresa en RUFUS (ror-…) con acceso WRITE o READ_WRITE.</translation>
    </message>
    <message>
        <source>An Admin api key of the Zype channel (Settings, API keys).</source>
        <translation>Una clave API Admin del canal de Zype (Settings, API keys).</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Id del dispositivo</translation>
    </message>
    <message>
        <source>Printed on the box, for example E133742015.</source>
        <translation>Impreso en la caja, por ejemplo E133742015.</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>On the card delivered with the box. Three wrong pins lock the box.</source>
        <translation>En la tarjeta que viene con la caja. Tres pines incorrectos bloquean la caja.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>The device model, e.g. Model X1.</source>
        <translation>El modelo del dispositivo, p. ej. Model X1.</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Número de serie</translation>
    </message>
    <message>
        <source>As printed on the device&apos;s label.</source>
        <translation>Tal como aparece en la etiqueta del dispositivo.</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Optional: a name to recognise the device by.</source>
        <translation>Opcional: un nombre para reconocer el dispositivo.</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Optional: the firmware version, e.g. 1.4.2.</source>
        <translation>Opcional: la versión de firmware, p. ej. 1.4.2.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Optional: the device type, sent only when filled in (some RUFUS accounts require it).</source>
        <translation>Opcional: el tipo de dispositivo, enviado solo si se rellena (algunas cuentas de RUFUS lo exigen).</translation>
    </message>
    <message>
        <source>Consumer id</source>
        <translation>Id de consumidor</translation>
    </message>
    <message>
        <source>The customer&apos;s consumer id, or find it by email below.</source>
        <translation>El id de consumidor del cliente, o búsquelo por correo más abajo.</translation>
    </message>
    <message>
        <source>Customer&apos;s email</source>
        <translation>Correo del cliente</translation>
    </message>
    <message>
        <source>Look the consumer up by the email of their account.</source>
        <translation>Buscar al consumidor por el correo de su cuenta.</translation>
    </message>
    <message>
        <source>The 7-character pin the TV app shows, e.g. zabc123. Pins expire after 30 minutes.</source>
        <translation>El pin de 7 caracteres que muestra la aplicación de TV, p. ej. zabc123. Los pines caducan a los 30 minutos.</translation>
    </message>
    <message>
        <source>Choose a provider.</source>
        <translation>Elija un proveedor.</translation>
    </message>
    <message>
        <source>{failed} wrong pins for this box so far: the box is probably locked. Contact {provider} support before trying again.</source>
        <translation>{failed} pines incorrectos para esta caja hasta ahora: la caja probablemente está bloqueada. Contacte con el soporte de {provider} antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>Choose an environment.</source>
        <translation>Elija un entorno.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>As</source>
        <translation>Como</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Associated to</source>
        <translation>Asociado a</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Id de usuario</translation>
    </message>
    <message>
        <source>Device associated</source>
        <translation>Caja asociada</translation>
    </message>
    <message>
        <source>TV device id</source>
        <translation>Id del televisor</translation>
    </message>
    <message>
        <source>Zype device id</source>
        <translation>Id del dispositivo Zype</translation>
    </message>
    <message>
        <source>Zype site id</source>
        <translation>Id del sitio Zype</translation>
    </message>
    <message>
        <source>Sign in to {provider} first.</source>
        <translation>Inicie sesión primero en {provider}.</translation>
    </message>
    <message>
        <source>That was the third wrong pin for this box: {provider} has now locked it. Contact {provider} support to unlock the box; another pin will not be accepted.</source>
        <translation>Era el tercer pin erróneo para esta caja: {provider} la ha bloqueado. Contacte con el soporte de {provider} para desbloquearla; no se aceptará otro pin.</translation>
    </message>
    <message>
        <source>It was carried out: RUFUS has a device with serial number {serial} (deviceid {deviceid}; status {status}, battery {battery}, last telemetry {telemetry}, last login {login}). Do not bind it again: store this deviceid on the device.</source>
        <translation>Se llevó a cabo: RUFUS tiene un dispositivo con el número de serie {serial} (deviceid {deviceid}; estado {status}, batería {battery}, última telemetría {telemetry}, último inicio de sesión {login}). No lo vincule de nuevo: guarde este deviceid en el dispositivo.</translation>
    </message>
    <message>
        <source>It was carried out: pin {pin} is linked to consumer {consumer} (TV device id {device}). Do not link it again.</source>
        <translation>Se llevó a cabo: el pin {pin} está vinculado al consumidor {consumer} (identificador del televisor {device}). No lo vuelva a vincular.</translation>
    </message>
    <message>
        <source>It was not carried out: none of the {count} device(s) linked to consumer {consumer} shows pin {pin}. You can link it now.</source>
        <translation>No se llevó a cabo: ninguno de los {count} dispositivo(s) vinculado(s) al consumidor {consumer} muestra el pin {pin}. Puede vincularlo ahora.</translation>
    </message>
    <message>
        <source>Pin {pin} is linked, but to another consumer ({other}), not to {consumer}: do not link again before the customer confirms which account is theirs.</source>
        <translation>El pin {pin} está vinculado, pero a otro consumidor ({other}), no a {consumer}: no lo vuelva a vincular hasta que el cliente confirme cuál es su cuenta.</translation>
    </message>
    <message>
        <source>Zype has no consumer {consumer} with email {email}: check the email and the consumer id on the device page, then Check now again.</source>
        <translation>Zype no tiene ningún consumidor {consumer} con el correo {email}: compruebe el correo y el identificador del consumidor en la página del dispositivo y vuelva a pulsar Comprobar ahora.</translation>
    </message>
    <message>
        <source>It was carried out: box {device} is on the signed-in account&apos;s car “{car}”. Do not associate it again.</source>
        <translation>Se llevó a cabo: la caja {device} está en el coche «{car}» de la cuenta conectada. No la vuelva a asociar.</translation>
    </message>
    <message>
        <source>It was not carried out: none of the signed-in account&apos;s {count} car(s) has box {device}. You can associate it now (a wrong pin counts toward Xee&apos;s lock after 3 failures).</source>
        <translation>No se llevó a cabo: ninguno de los {count} coche(s) de la cuenta conectada tiene la caja {device}. Puede asociarla ahora (un pin erróneo cuenta para el bloqueo de Xee tras 3 fallos).</translation>
    </message>
    <message>
        <source>Network problem: the request did not complete</source>
        <translation>Problema de red: la solicitud no se completó</translation>
    </message>
    <message>
        <source>The answer could not be understood</source>
        <translation>No se pudo entender la respuesta</translation>
    </message>
    <message>
        <source>Remove the box from the car</source>
        <translation>Quitar la caja del coche</translation>
    </message>
    <message>
        <source>The Xee box</source>
        <translation>La caja Xee</translation>
    </message>
    <message>
        <source>Enter the device id and the pin from the box&apos;s card.</source>
        <translation>Introduzca el id del dispositivo y el pin de la tarjeta de la caja.</translation>
    </message>
    <message>
        <source>Associating the box with Xee…</source>
        <translation>Asociando la caja con Xee…</translation>
    </message>
    <message>
        <source>This will remove the box {device} from the car it is fitted to: Xee dissociates the box from the car and from the Xee account, and the car no longer reports through it until the box is associated again.</source>
        <translation>La caja {device} se quitará del coche en el que está instalada: Xee la disocia del coche y de la cuenta de Xee, y el coche deja de enviar datos a través de ella hasta que la caja se vuelva a asociar.</translation>
    </message>
    <message>
        <source>Done: the box is removed from the car and dissociated from the Xee account.</source>
        <translation>Hecho: la caja se ha quitado del coche y se ha disociado de la cuenta de Xee.</translation>
    </message>
    <message>
        <source>The RUFUS device</source>
        <translation>El dispositivo RUFUS</translation>
    </message>
    <message>
        <source>Describe the device to bind to the company account.</source>
        <translation>Describa el dispositivo que vincular a la cuenta de la empresa.</translation>
    </message>
    <message>
        <source>Binding the device with RUFUS…</source>
        <translation>Vinculando el dispositivo con RUFUS…</translation>
    </message>
    <message>
        <source>Done: the device is unbound.</source>
        <translation>Hecho: el dispositivo está desvinculado.</translation>
    </message>
    <message>
        <source>The Zype customer and pin</source>
        <translation>El cliente de Zype y el pin</translation>
    </message>
    <message>
        <source>Who the TV belongs to, and the pin it shows.</source>
        <translation>A quién pertenece el televisor y el pin que muestra.</translation>
    </message>
    <message>
        <source>Linking the pin with Zype…</source>
        <translation>Vinculando el pin con Zype…</translation>
    </message>
    <message>
        <source>Done: the pin is unlinked from the consumer.</source>
        <translation>Hecho: el pin está desvinculado del consumidor.</translation>
    </message>
    <message>
        <source>Box removed from the car</source>
        <translation>Caja quitada del coche</translation>
    </message>
    <message>
        <source>deviceid</source>
        <translation>deviceid</translation>
    </message>
    <message>
        <source>This will unbind the device with serial number {serial} (RUFUS deletes its sessions and passings).</source>
        <translation>Esto desvinculará el dispositivo con número de serie {serial} (RUFUS borra sus sesiones y pasos).</translation>
    </message>
    <message>
        <source>This will unlink the pin {pin} from the consumer {consumer}.</source>
        <translation>Esto desvinculará el pin {pin} del consumidor {consumer}.</translation>
    </message>
    <message>
        <source>Xee account</source>
        <translation>Cuenta de Xee</translation>
    </message>
    <message>
        <source>Sign in with {provider} first.</source>
        <translation>Inicie sesión primero con {provider}.</translation>
    </message>
    <message>
        <source>Device bound</source>
        <translation>Dispositivo vinculado</translation>
    </message>
    <message>
        <source>Device unbound</source>
        <translation>Dispositivo desvinculado</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consumidor</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Vinculado</translation>
    </message>
    <message>
        <source>Device pin id</source>
        <translation>Id del pin</translation>
    </message>
    <message>
        <source>Pin expires</source>
        <translation>Caducidad del pin</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Suscripciones</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Device linked</source>
        <translation>Dispositivo vinculado</translation>
    </message>
    <message>
        <source>Pin unlinked</source>
        <translation>Pin desvinculado</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>sin sesión iniciada</translation>
    </message>
    <message>
        <source>{account} (Xee sign-in)</source>
        <translation>{account} (sesión de Xee)</translation>
    </message>
    <message>
        <source>api key {key}</source>
        <translation>clave API {key}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Choose the provider first.</source>
        <translation>Elija primero el proveedor.</translation>
    </message>
    <message>
        <source>Enter the api key first.</source>
        <translation>Introduzca primero la clave API.</translation>
    </message>
    <message>
        <source>Pairing was cancelled while waiting for {name}. The request may already have reached {name}: check the user&apos;s devices before pairing again.</source>
        <translation>El emparejamiento se canceló mientras se esperaba a {name}. Puede que la solicitud ya haya llegado a {name}: compruebe los dispositivos del usuario antes de volver a emparejar.</translation>
    </message>
    <message>
        <source>Pairing was cancelled while waiting for {name}. The request may already have reached {name}: look the serial number up in the RUFUS device list before pairing again.</source>
        <translation>El emparejamiento se canceló mientras se esperaba a {name}. Puede que la solicitud ya haya llegado a {name}: busque el número de serie en la lista de dispositivos de RUFUS antes de volver a emparejar.</translation>
    </message>
    <message>
        <source>Pairing was cancelled while waiting for {name}. The request may already have reached {name}: check the pin&apos;s status before pairing again.</source>
        <translation>El emparejamiento se canceló mientras se esperaba a {name}. Puede que la solicitud ya haya llegado a {name}: compruebe el estado del pin antes de volver a emparejar.</translation>
    </message>
    <message>
        <source>Pairing was cancelled while waiting for {name}. The request may already have reached {name}: check before pairing again.</source>
        <translation>El emparejamiento se canceló mientras se esperaba a {name}. Puede que la solicitud ya haya llegado a {name}: compruébelo antes de volver a emparejar.</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>el proveedor</translation>
    </message>
    <message>
        <source>Pairing was cancelled before the request was sent: nothing was sent, so you can pair again right away.</source>
        <translation>El emparejamiento se canceló antes de enviar la solicitud: no se envió nada, así que puede volver a emparejar enseguida.</translation>
    </message>
    <message>
        <source>Undo interrupted by closing the window: check whether it was carried out.</source>
        <translation>Deshacer se interrumpió al cerrar la ventana: compruebe si se llevó a cabo.</translation>
    </message>
    <message>
        <source>Wrong pin: 1 attempt left before the box locks. Check the pin on the box&apos;s card before trying again.</source>
        <translation>Pin erróneo: queda 1 intento antes de que la caja se bloquee. Compruebe el pin en la tarjeta de la caja antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>Wrong pin: {left} attempts left before the box locks.</source>
        <translation>Pin erróneo: quedan {left} intentos antes de que la caja se bloquee.</translation>
    </message>
    <message>
        <source>The last request may have been carried out: {name} did not confirm it. Check now before sending it again.</source>
        <translation>Puede que la última solicitud se haya llevado a cabo: {name} no lo confirmó. Compruébelo ahora antes de enviarla de nuevo.</translation>
    </message>
    <message>
        <source>It was not carried out: RUFUS has no device with serial number {serial}. You can bind it now.</source>
        <translation>No se llevó a cabo: RUFUS no tiene ningún dispositivo con el número de serie {serial}. Puede vincularlo ahora.</translation>
    </message>
    <message>
        <source>Zype finds a consumer&apos;s linked devices through its email: enter the customer&apos;s email on the device page (Find consumer), then Check now again; or ask the customer whether the TV app shows the account.</source>
        <translation>Zype encuentra los dispositivos vinculados de un consumidor por su correo: introduzca el correo del cliente en la página del dispositivo (Buscar consumidor) y vuelva a pulsar Comprobar ahora; o pregunte al cliente si la app de TV muestra la cuenta.</translation>
    </message>
    <message>
        <source>Could not check: {advice}</source>
        <translation>No se pudo comprobar: {advice}</translation>
    </message>
    <message>
        <source>Pairing failed</source>
        <translation>El emparejamiento falló</translation>
    </message>
    <message>
        <source>Check the input</source>
        <translation>Compruebe los datos</translation>
    </message>
    <message>
        <source>The provider refused</source>
        <translation>El proveedor lo rechazó</translation>
    </message>
    <message>
        <source>Sign-in or key problem</source>
        <translation>Problema de inicio de sesión o de clave</translation>
    </message>
    <message>
        <source>Cancelled, but the request may have reached {name}: check before sending it again</source>
        <translation>Cancelado, pero puede que la solicitud haya llegado a {name}: compruébelo antes de volver a enviarla</translation>
    </message>
    <message>
        <source>Cancelled before sending: nothing was sent</source>
        <translation>Cancelado antes del envío: no se envió nada</translation>
    </message>
    <message>
        <source>Change the &amp;settings</source>
        <translation>Cambiar los a&amp;justes</translation>
    </message>
    <message>
        <source>Change the c&amp;redentials</source>
        <translation>Cambiar las &amp;credenciales</translation>
    </message>
    <message>
        <source>Fix the &amp;device details</source>
        <translation>Corregir los datos del &amp;dispositivo</translation>
    </message>
    <message>
        <source>T&amp;ry again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>{failed} wrong pin for this box so far: {left} attempts left before the box locks. Check the pin carefully.</source>
        <translation>{failed} pin incorrecto para esta caja hasta ahora: quedan {left} intentos antes de que se bloquee. Compruebe el pin con cuidado.</translation>
    </message>
    <message>
        <source>{failed} wrong pins for this box so far: one more wrong pin locks the box. Check the pin on the box&apos;s card before pairing.</source>
        <translation>{failed} pines incorrectos para esta caja hasta ahora: un pin incorrecto más bloquea la caja. Compruebe el pin en la tarjeta de la caja antes de emparejar.</translation>
    </message>
    <message>
        <source>The key was refused: {advice}</source>
        <translation>La clave fue rechazada: {advice}</translation>
    </message>
    <message>
        <source>RUFUS refused to read with this key. A WRITE key may only bind, so it can still pair, but that cannot be tested without binding a device; the key may also be mistyped or unknown to RUFUS. Check its access type in the RUFUS console.</source>
        <translation>RUFUS rechazó la lectura con esta clave. Una clave WRITE solo puede vincular, así que puede emparejar, pero eso no se puede probar sin vincular un dispositivo; la clave también puede estar mal escrita o ser desconocida para RUFUS. Compruebe su tipo de acceso en la consola de RUFUS.</translation>
    </message>
    <message>
        <source>The key works for reading devices. Whether it may also bind (WRITE or READ_WRITE access) cannot be tested without binding a device: if it is a READ key, it works, but read-only: cannot pair.</source>
        <translation>La clave permite leer dispositivos. Si también puede vincular (acceso WRITE o READ_WRITE) no se puede probar sin vincular un dispositivo: si es una clave READ, funciona, pero es de solo lectura: no puede emparejar.</translation>
    </message>
    <message>
        <source>Could not check the key: {advice}</source>
        <translation>No se pudo comprobar la clave: {advice}</translation>
    </message>
    <message>
        <source>The key works.</source>
        <translation>La clave funciona.</translation>
    </message>
    <message>
        <source>The key works for reading consumers. Whether it may link (an Admin key) cannot be tested without linking: a Read Only key also passes this test, and would then be refused when linking.</source>
        <translation>La clave permite leer consumidores. Si puede vincular (una clave Admin) no se puede probar sin vincular: una clave Read Only también supera esta prueba y luego sería rechazada al vincular.</translation>
    </message>
    <message>
        <source>Enter the Xee app&apos;s client id (from the Xee developer console).</source>
        <translation>Introduzca el id de cliente de la aplicación de Xee (de la consola de desarrollador de Xee).</translation>
    </message>
    <message>
        <source>Enter the Xee app&apos;s client secret.</source>
        <translation>Introduzca el secreto de cliente de la aplicación de Xee.</translation>
    </message>
    <message>
        <source>The client id may contain only printable characters without spaces (at most 256): copy it again.</source>
        <translation>El id de cliente solo puede contener caracteres imprimibles sin espacios (como máximo 256): cópielo de nuevo.</translation>
    </message>
    <message>
        <source>The client secret may contain only printable characters without spaces (at most 256): copy it again.</source>
        <translation>El secreto de cliente solo puede contener caracteres imprimibles sin espacios (como máximo 256): cópielo de nuevo.</translation>
    </message>
    <message>
        <source>{provider} answers with a {handover} that must be stored on the device: the result page shows it with Copy and Save.</source>
        <translation>{provider} responde con un {handover} que debe guardarse en el dispositivo: la página de resultado lo muestra con Copiar y Guardar.</translation>
    </message>
    <message>
        <source>Store this {handover} on the device. Copy it or save it to a file now: it is what the device authenticates with.</source>
        <translation>Guarde este {handover} en el dispositivo. Cópielo o guárdelo en un archivo ahora: es con lo que el dispositivo se autentica.</translation>
    </message>
    <message>
        <source>The {handover} {provider} returned: store it on the device</source>
        <translation>El {handover} que devolvió {provider}: guárdelo en el dispositivo</translation>
    </message>
    <message>
        <source>Copy the {handover} to the clipboard</source>
        <translation>Copiar el {handover} al portapapeles</translation>
    </message>
    <message>
        <source>Save the {handover} to a text file</source>
        <translation>Guardar el {handover} en un archivo de texto</translation>
    </message>
    <message>
        <source>{handover} copied to the clipboard.</source>
        <translation>{handover} copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Save the {handover}</source>
        <translation>Guardar el {handover}</translation>
    </message>
    <message>
        <source>Keep the {handover}?</source>
        <translation>¿Conservar el {handover}?</translation>
    </message>
    <message>
        <source>The {handover} was neither copied nor saved. The device needs it, and {provider} will not show it again.</source>
        <translation>El {handover} no se ha copiado ni guardado. El dispositivo lo necesita y {provider} no volverá a mostrarlo.</translation>
    </message>
    <message>
        <source>Front door</source>
        <translation>Puerta principal</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>{choices} or {last}</source>
        <translation>{choices} o {last}</translation>
    </message>
</context>
<context>
    <name>netcheck</name>
    <message>
        <source>the secure connection failed ({error})</source>
        <translation>la conexión segura falló ({error})</translation>
    </message>
    <message>
        <source>a firewall or proxy may block it; ask IT whether this address is allowed</source>
        <translation>puede que un cortafuegos o un proxy la bloquee; pregunte al departamento de TI si esta dirección está permitida</translation>
    </message>
    <message>
        <source>the certificate is not trusted</source>
        <translation>el certificado no es de confianza</translation>
    </message>
    <message>
        <source>a company proxy may inspect traffic; ask IT to install its certificate in the system store</source>
        <translation>puede que un proxy de la empresa inspeccione el tráfico; pida al departamento de TI que instale su certificado en el almacén del sistema</translation>
    </message>
    <message>
        <source>the certificate of {host} has expired</source>
        <translation>el certificado de {host} ha caducado</translation>
    </message>
    <message>
        <source>check the computer&apos;s date and time; if it is right, the provider&apos;s certificate really expired: try later or contact the provider</source>
        <translation>compruebe la fecha y la hora del equipo; si son correctas, el certificado del proveedor ha caducado de verdad: inténtelo más tarde o contacte con el proveedor</translation>
    </message>
    <message>
        <source>the certificate does not belong to {host}</source>
        <translation>el certificado no pertenece a {host}</translation>
    </message>
    <message>
        <source>something in between answers in the provider&apos;s place (a proxy or a captive portal): check the network, or ask IT</source>
        <translation>algo intermedio responde en lugar del proveedor (un proxy o un portal cautivo): compruebe la red o pregunte al departamento de TI</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>sin respuesta a tiempo</translation>
    </message>
    <message>
        <source>{host} is {join_addresses}</source>
        <translation>{host} corresponde a {join_addresses}</translation>
    </message>
    <message>
        <source>connected to {host} port {port}</source>
        <translation>conectado a {host} puerto {port}</translation>
    </message>
    <message>
        <source>{api_root} is not an http(s) address</source>
        <translation>{api_root} no es una dirección http(s)</translation>
    </message>
    <message>
        <source>check the API address in the settings</source>
        <translation>compruebe la dirección de la API en los ajustes</translation>
    </message>
    <message>
        <source>the system settings send {host} through the proxy {report_proxy}</source>
        <translation>los ajustes del sistema envían {host} a través del proxy {report_proxy}</translation>
    </message>
    <message>
        <source>cannot connect to {host} port {port} ({join_errors})</source>
        <translation>no se puede conectar a {host} puerto {port} ({join_errors})</translation>
    </message>
    <message>
        <source>the computer answered that nothing listens there: check the API address and port</source>
        <translation>el equipo respondió que nada escucha ahí: compruebe la dirección y el puerto de la API</translation>
    </message>
    <message>
        <source>a firewall may block it, or the network is down: check the network or ask IT</source>
        <translation>puede que un cortafuegos la bloquee o que la red no funcione: compruebe la red o pregunte al departamento de TI</translation>
    </message>
    <message>
        <source>cannot connect ({exc})</source>
        <translation>no se puede conectar ({exc})</translation>
    </message>
    <message>
        <source>check the network or the proxy settings</source>
        <translation>compruebe la red o los ajustes del proxy</translation>
    </message>
    <message>
        <source>answered with status {status}</source>
        <translation>respondió con el estado {status}</translation>
    </message>
    <message>
        <source>{name} or a gateway in between has a problem: try again later</source>
        <translation>{name} o una pasarela intermedia tiene un problema: inténtelo más tarde</translation>
    </message>
    <message>
        <source>cannot resolve {host} ({why})</source>
        <translation>no se puede resolver {host} ({why})</translation>
    </message>
    <message>
        <source>{address}: no answer in {step_timeout} s</source>
        <translation>{address}: sin respuesta en {step_timeout} s</translation>
    </message>
    <message>
        <source>{version}, certificate trusted by the system store</source>
        <translation>{version}, certificado de confianza para el almacén del sistema</translation>
    </message>
    <message>
        <source>the proxy refused or failed ({exc})</source>
        <translation>el proxy rechazó la conexión o falló ({exc})</translation>
    </message>
    <message>
        <source>check the proxy settings, or ask IT</source>
        <translation>compruebe los ajustes del proxy o pregunte al departamento de TI</translation>
    </message>
    <message>
        <source>{name} did not answer in {step_timeout} s</source>
        <translation>{name} no respondió en {step_timeout} s</translation>
    </message>
    <message>
        <source>the provider or the network is slow or down: try again later</source>
        <translation>el proveedor o la red va lento o no funciona: inténtelo más tarde</translation>
    </message>
    <message>
        <source>the connection failed ({type_exc_name})</source>
        <translation>la conexión falló ({type_exc_name})</translation>
    </message>
    <message>
        <source>answered with a web page (status {status}), not the API</source>
        <translation>respondió con una página web (estado {status}), no con la API</translation>
    </message>
    <message>
        <source>a captive portal (hotel, guest Wi-Fi) or a proxy may be in the way: sign in to the network in a browser, or check the API address</source>
        <translation>puede que haya un portal cautivo (hotel, Wi-Fi de invitados) o un proxy en medio: inicie sesión en la red desde un navegador o compruebe la dirección de la API</translation>
    </message>
    <message>
        <source>{name} answered (status {status})</source>
        <translation>{name} respondió (estado {status})</translation>
    </message>
    <message>
        <source>the secure handshake got no answer</source>
        <translation>el intercambio seguro no obtuvo respuesta</translation>
    </message>
    <message>
        <source>a firewall or proxy may block it; ask IT</source>
        <translation>puede que un cortafuegos o un proxy la bloquee; pregunte al departamento de TI</translation>
    </message>
</context>
</TS>
