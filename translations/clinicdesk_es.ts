<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US">
<context>
    <name>Access</name>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Biller</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <source>Clinical</source>
        <translation>Clínico</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
</context>
<context>
    <name>AccessControl</name>
    <message>
        <source>No one is signed in at this desk.</source>
        <translation>Nadie ha iniciado sesión en este puesto.</translation>
    </message>
    <message>
        <source>Say why you need this patient&apos;s records now (at least 10 characters): the administrator reviews every emergency access.</source>
        <translation>Indique por qué necesita ahora el historial de este paciente (al menos 10 caracteres): el administrador revisa cada acceso de emergencia.</translation>
    </message>
    <message>
        <source>Choose a patient first.</source>
        <translation>Elija primero un paciente.</translation>
    </message>
    <message>
        <source>Your role, %1, may not open a patient&apos;s medical records. In an emergency, use Emergency Access (break the glass): give the reason, and it is recorded for the administrator.</source>
        <translation>Su función, %1, no puede abrir el historial médico de un paciente. En una emergencia, use el Acceso de emergencia (romper el cristal): indique el motivo, y queda registrado para el administrador.</translation>
    </message>
    <message>
        <source>Your role, %1, may not do this; it is for: %2.</source>
        <translation>Su función, %1, no puede hacer esto; corresponde a: %2.</translation>
    </message>
</context>
<context>
    <name>ActionListModel</name>
    <message>
        <source>Unknown patient</source>
        <extracomment>Shown when a scheduled patient&apos;s record no longer exists</extracomment>
        <translation>Paciente desconocido</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <extracomment>%1 payer name, %2 member ID</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>RECHAZADA</translation>
    </message>
    <message>
        <source>COULD NOT VERIFY</source>
        <translation>NO SE PUDO VERIFICAR</translation>
    </message>
    <message>
        <source>INACTIVE</source>
        <translation>INACTIVA</translation>
    </message>
    <message>
        <source>NEEDS REVIEW</source>
        <translation>REQUIERE REVISIÓN</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>VENCIDA</translation>
    </message>
    <message>
        <source>NOT VERIFIED</source>
        <translation>SIN VERIFICAR</translation>
    </message>
    <message>
        <source>The payer rejected the request; check the coverage and verify again</source>
        <translation>El pagador rechazó la solicitud; revise la cobertura y vuelva a verificar</translation>
    </message>
    <message>
        <source>The payer rejected the request: %1</source>
        <extracomment>%1 is the payer&apos;s reason, e.g. &quot;Invalid member ID (AAA 72).&quot;</extracomment>
        <translation>El pagador rechazó la solicitud: %1</translation>
    </message>
    <message>
        <source>The payer could not be reached; verify again</source>
        <translation>No se pudo conectar con el pagador; vuelva a verificar</translation>
    </message>
    <message>
        <source>The payer could not be reached: %1</source>
        <extracomment>%1 says what went wrong, e.g. &quot;The clearinghouse did not answer in time.&quot;</extracomment>
        <translation>No se pudo conectar con el pagador: %1</translation>
    </message>
    <message>
        <source>The payer says this coverage ended on %1; ask for current insurance</source>
        <translation>Según el pagador, esta cobertura terminó el %1; pida los datos del seguro actual</translation>
    </message>
    <message>
        <source>The payer says this coverage is not active; ask for current insurance</source>
        <translation>Según el pagador, esta cobertura no está activa; pida los datos del seguro actual</translation>
    </message>
    <message>
        <source>The payer&apos;s answer needs checking with the patient</source>
        <translation>Hay que confirmar la respuesta del pagador con el paciente</translation>
    </message>
    <message>
        <source>Check with the patient: %1</source>
        <extracomment>%1 is what to check, e.g. &quot;Medicare Part B is the primary payer.&quot;</extracomment>
        <translation>Confirme con el paciente: %1</translation>
    </message>
    <message>
        <source>The plan ended on %1; verify again</source>
        <translation>El plan terminó el %1; vuelva a verificar</translation>
    </message>
    <message>
        <source>Last verified on %1, too long ago; verify again</source>
        <translation>Última verificación el %1, hace demasiado tiempo; vuelva a verificar</translation>
    </message>
    <message>
        <source>The last answer is too old; verify again</source>
        <translation>La última respuesta es demasiado antigua; vuelva a verificar</translation>
    </message>
    <message>
        <source>No active coverage on file; ask for an insurance card</source>
        <translation>No hay ninguna cobertura activa registrada; pida una tarjeta del seguro</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>Nunca verificado</translation>
    </message>
    <message>
        <source>The verification has not finished</source>
        <translation>La verificación no ha terminado</translation>
    </message>
    <message>
        <source>Last verified on %1; verify again before the visit</source>
        <translation>Última verificación el %1; vuelva a verificar antes de la consulta</translation>
    </message>
    <message>
        <source>Not verified recently; verify again before the visit</source>
        <translation>No se ha verificado recientemente; vuelva a verificar antes de la consulta</translation>
    </message>
    <message>
        <source>Today %1</source>
        <extracomment>When a visit is: %1 is the time, e.g. &quot;Today 9:30 AM&quot;</extracomment>
        <translation>Hoy %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <extracomment>When a visit is: %1 is the time, e.g. &quot;Tomorrow 2:00 PM&quot;</extracomment>
        <translation>Mañana %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Payer / Member</source>
        <translation>Pagador / miembro</translation>
    </message>
</context>
<context>
    <name>AdjustmentCodes</name>
    <message>
        <source>unavailable</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>The code list is not a JSON object: %1</source>
        <translation>La lista de códigos no es un objeto JSON: %1</translation>
    </message>
    <message>
        <source>it is an array</source>
        <translation>es un arreglo</translation>
    </message>
    <message>
        <source>The code list does not name its version.</source>
        <translation>La lista de códigos no indica su versión.</translation>
    </message>
    <message>
        <source>The code list&apos;s &quot;%1&quot; is not a table of codes and descriptions.</source>
        <translation>El campo «%1» de la lista de códigos no es una tabla de códigos y descripciones.</translation>
    </message>
    <message>
        <source>Reason code %1 (not in the code list version %2)</source>
        <translation>Código de motivo %1 (no está en la lista de códigos, versión %2)</translation>
    </message>
    <message>
        <source>%1 (%2-%3): %4</source>
        <extracomment>%1 the adjustment group&apos;s name, %2 its code (CO), %3 the reason code (45), %4 what it means</extracomment>
        <translation>%1 (%2-%3): %4</translation>
    </message>
    <message>
        <source>Remark code %1 (not in the code list version %2)</source>
        <translation>Código de observación %1 (no está en la lista de códigos, versión %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>AnswerMatcher</name>
    <message>
        <source>The clearinghouse answer is for another request (reference %1; this request is %2). It was not used.</source>
        <translation>La respuesta de la cámara de compensación corresponde a otra solicitud (referencia %1; la de esta solicitud es %2). No se utilizó.</translation>
    </message>
    <message>
        <source>The clearinghouse answer carries no trace number, so it cannot be matched to this request (trace %1). It was not used.</source>
        <translation>La respuesta de la cámara de compensación no trae número de rastreo, así que no se puede asociar con esta solicitud (n.º de rastreo %1). No se utilizó.</translation>
    </message>
    <message>
        <source>The clearinghouse answer is for another request (trace number %1; this request is %2). It was not used.</source>
        <translation>La respuesta de la cámara de compensación corresponde a otra solicitud (número de rastreo %1; el de esta solicitud es %2). No se utilizó.</translation>
    </message>
    <message>
        <source>The answer comes from payer %1, but %2 was asked. It was not used.</source>
        <translation>La respuesta viene del pagador %1, pero se consultó a %2. No se utilizó.</translation>
    </message>
    <message>
        <source>The payer has the member ID as %1 (sent %2). Update the coverage.</source>
        <translation>El pagador tiene registrado el número de miembro %1 (se envió %2). Actualice la cobertura.</translation>
    </message>
    <message>
        <source>The answer is about member %1, but member %2 was asked about. It was not used.</source>
        <translation>La respuesta se refiere al miembro %1, pero la consulta era sobre el miembro %2. No se utilizó.</translation>
    </message>
    <message>
        <source>The answer is about the subscriber, not about the dependent who was asked about. It was not used.</source>
        <translation>La respuesta se refiere al titular, no al dependiente por el que se consultó. No se utilizó.</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>New Appointment</source>
        <translation>Nueva cita</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Paciente:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Hora:</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>P&amp;roveedor:</translation>
    </message>
    <message>
        <source>&amp;Visit type:</source>
        <translation>&amp;Tipo de consulta:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Edit Appointment</source>
        <translation>Editar cita</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <extracomment>Visit types offered before any is in use</extracomment>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Paciente nuevo</translation>
    </message>
    <message>
        <source>Annual physical</source>
        <translation>Examen físico anual</translation>
    </message>
    <message>
        <source>Sick visit</source>
        <translation>Consulta por enfermedad</translation>
    </message>
    <message>
        <source>Could not check the provider&apos;s other visits: %1</source>
        <translation>No se pudieron revisar las otras citas del proveedor: %1</translation>
    </message>
    <message>
        <source>%1 already has a visit from %2 to %3.</source>
        <extracomment>%1 provider, %2 and %3 times</extracomment>
        <translation>%1 ya tiene una cita de %2 a %3.</translation>
    </message>
    <message>
        <source>%1 already has a visit from %2 to %3 (%4).</source>
        <extracomment>%1 provider, %2 and %3 times, %4 the other visit&apos;s patient</extracomment>
        <translation>%1 ya tiene una cita de %2 a %3 (%4).</translation>
    </message>
</context>
<context>
    <name>AppointmentModel</name>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Llegada registrada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>A visit&apos;s length in minutes</extracomment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Cancelada: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
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
        <source>Visit Type</source>
        <translation>Tipo de consulta</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>AppointmentService</name>
    <message>
        <source>Choose the provider for the appointment.</source>
        <translation>Elija el proveedor de la cita.</translation>
    </message>
    <message>
        <source>This appointment was cancelled; book a new one instead of moving it.</source>
        <translation>Esta cita se canceló; programe una nueva en lugar de cambiarla de fecha.</translation>
    </message>
    <message>
        <source>Book the appointment before changing it.</source>
        <translation>Programe la cita antes de modificarla.</translation>
    </message>
    <message>
        <source>This appointment was cancelled; it can no longer be changed.</source>
        <translation>Esta cita se canceló; ya no se puede modificar.</translation>
    </message>
    <message>
        <source>Cancel the appointment rather than editing it, so that the reason is kept.</source>
        <translation>Cancele la cita en lugar de editarla, para que quede registrado el motivo.</translation>
    </message>
    <message>
        <source>An appointment cannot move to another patient; book one for them instead.</source>
        <translation>Una cita no se puede pasar a otro paciente; programe una nueva para ese paciente.</translation>
    </message>
    <message>
        <source>The patient of this appointment no longer exists.</source>
        <translation>El paciente de esta cita ya no existe.</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>This access could not be recorded in the audit trail, so it was refused: %1</source>
        <translation>No se pudo anotar este acceso en el registro de auditoría, por lo que se denegó: %1</translation>
    </message>
</context>
<context>
    <name>AuditChain</name>
    <message>
        <source>the audit trail</source>
        <translation>el registro de auditoría</translation>
    </message>
    <message>
        <source>Row %1 is the first row, but it was written after other rows: the rows before it were deleted.</source>
        <translation>La fila %1 es la primera, pero se escribió después de otras: las filas anteriores se borraron.</translation>
    </message>
    <message>
        <source>Row %1 does not follow row %2: the rows between them (%3) were deleted or moved.</source>
        <translation>La fila %1 no sigue a la fila %2: las filas entre ellas (%3) se borraron o se movieron.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>Row %1 does not follow row %2: rows were moved, or one was replaced.</source>
        <translation>La fila %1 no sigue a la fila %2: se movieron filas o se reemplazó una.</translation>
    </message>
    <message>
        <source>Row %1 was changed after it was written: its content no longer matches its hash.</source>
        <translation>La fila %1 se modificó después de escribirse: su contenido ya no coincide con su hash.</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit Log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>Cualquier usuario</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Cualquier acción</translation>
    </message>
    <message>
        <source>Any patient (or a patient&apos;s number)</source>
        <translation>Cualquier paciente (o el número de un paciente)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Acción:</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>&amp;Fechas:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Save Accounting as PD&amp;F…</source>
        <translation>Guardar informe de accesos en P&amp;DF…</translation>
    </message>
    <message>
        <source>Who viewed, printed or exported the patient&apos;s record, and when</source>
        <translation>Quién vio, imprimió o exportó el expediente del paciente, y cuándo</translation>
    </message>
    <message>
        <source>Save Accounting of Access</source>
        <translation>Guardar informe de accesos</translation>
    </message>
    <message>
        <source>accounting-of-access-%1.pdf</source>
        <translation>informe-de-accesos-%1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Se guardó %1.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <source>%n rows, newest first.</source>
        <translation>
            <numerusform>%n fila, la más reciente primero.</numerusform>
            <numerusform>%n filas, las más recientes primero.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the patient&apos;s number first.</source>
        <translation>Escriba primero el número del paciente.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Accounting of access&lt;/h2&gt;&lt;p&gt;Patient number %1, from %2 to %3. Every access to the patient&apos;s record that ClinicDesk recorded, newest first.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Informe de accesos&lt;/h2&gt;&lt;p&gt;Paciente número %1, del %2 al %3. Cada acceso al expediente del paciente que ClinicDesk registró, los más recientes primero.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>No access was recorded in these dates.</source>
        <translation>No se registró ningún acceso en estas fechas.</translation>
    </message>
    <message>
        <source>Accounting of access</source>
        <translation>Informe de accesos</translation>
    </message>
    <message>
        <source>The PDF %1 could not be written.</source>
        <translation>No se pudo escribir el PDF %1.</translation>
    </message>
</context>
<context>
    <name>BatchVerifyDialog</name>
    <message>
        <source>Finding the coverages to verify…</source>
        <translation>Buscando las coberturas por verificar…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>Coverages to verify</source>
        <translation>Coberturas por verificar</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>Número de miembro</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message numerus="yes">
        <source>%n coverage</source>
        <translation>
            <numerusform>%n cobertura</numerusform>
            <numerusform>%n coberturas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coverages</source>
        <translation>
            <numerusform>%n cobertura</numerusform>
            <numerusform>%n coberturas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to verify.</source>
        <extracomment>%1 is &quot;20 coverages&quot;, %2 what they are for (&quot;14 appointments on 11/24/2026&quot;)</extracomment>
        <translation>%1 por verificar.</translation>
    </message>
    <message>
        <source>%1 to verify for %2.</source>
        <translation>%1 por verificar para %2.</translation>
    </message>
    <message>
        <source>The coverages to verify could not be found.</source>
        <translation>No se pudieron encontrar las coberturas por verificar.</translation>
    </message>
    <message>
        <source>%v of %m checked</source>
        <translation>%v de %m revisadas</translation>
    </message>
    <message>
        <source>Nothing to verify</source>
        <translation>Nada que verificar</translation>
    </message>
    <message>
        <source>Nothing to verify: there is no active insurance on file.</source>
        <translation>Nada que verificar: no hay ningún seguro activo registrado.</translation>
    </message>
    <message>
        <source>Nothing to verify: there is no active insurance on file for %1.</source>
        <translation>Nada que verificar: no hay ningún seguro activo registrado para %1.</translation>
    </message>
    <message>
        <source>Nothing is sent to the payers until you press Start.</source>
        <translation>No se envía nada a los pagadores hasta que presione Iniciar.</translation>
    </message>
    <message>
        <source>Verifying %1…</source>
        <extracomment>%1 is &quot;20 coverages&quot;, %2 what they are for (&quot;14 appointments on 11/24/2026&quot;)</extracomment>
        <translation>Verificando %1…</translation>
    </message>
    <message>
        <source>Verifying %1 for %2…</source>
        <translation>Verificando %1 para %2…</translation>
    </message>
    <message>
        <source>REJECTED (AAA %1)</source>
        <extracomment>%1 is the payer&apos;s AAA rejection code, e.g. 72</extracomment>
        <translation>RECHAZADA (AAA %1)</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>RECHAZADA</translation>
    </message>
    <message>
        <source>COULD NOT VERIFY</source>
        <translation>NO SE PUDO VERIFICAR</translation>
    </message>
    <message>
        <source>NOT VERIFIED</source>
        <extracomment>a coverage of the batch that has not been sent yet</extracomment>
        <translation>SIN VERIFICAR</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Answer from earlier today</source>
        <translation>Respuesta obtenida hoy más temprano</translation>
    </message>
    <message>
        <source>Verified active: %1 · Inactive: %2 · Needs review: %3 · Rejected: %4 · Could not verify: %5 · Not verified: %6</source>
        <translation>Verificadas activas: %1 · Inactivas: %2 · Requieren revisión: %3 · Rechazadas: %4 · No se pudieron verificar: %5 · Sin verificar: %6</translation>
    </message>
    <message>
        <source>%1 of %2 checked before you cancelled</source>
        <extracomment>%1 and %2 are numbers: 7 of 20 coverages</extracomment>
        <translation>%1 de %2 revisadas antes de que cancelara</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>a patient and the payer of a coverage not verified: &quot;Jane Smith (Aetna Health)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n coverage was not verified.</source>
        <translation>
            <numerusform>Cancelado: %n cobertura no se verificó.</numerusform>
            <numerusform>Cancelado: %n coberturas no se verificaron.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n coverages were not verified.</source>
        <translation>
            <numerusform>Cancelado: %n cobertura no se verificó.</numerusform>
            <numerusform>Cancelado: %n coberturas no se verificaron.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. Not verified, still to do: %1.</source>
        <extracomment>%1 names the patients (and payers) whose coverage was not verified</extracomment>
        <translation>Cancelado. Sin verificar, pendientes: %1.</translation>
    </message>
    <message>
        <source>Finished: %1 checked.</source>
        <translation>Terminado: %1 revisadas.</translation>
    </message>
</context>
<context>
    <name>BenefitSummary</name>
    <message>
        <source>per visit</source>
        <translation>por visita</translation>
    </message>
    <message>
        <source>per calendar year</source>
        <translation>por año calendario</translation>
    </message>
    <message>
        <source>per service year</source>
        <translation>por año de servicio</translation>
    </message>
    <message>
        <source>lifetime</source>
        <translation>de por vida</translation>
    </message>
    <message>
        <source>per episode</source>
        <translation>por episodio</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>por mes</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>visitas</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Prior authorization required</source>
        <translation>Se requiere autorización previa</translation>
    </message>
    <message>
        <source>NOT VERIFIED</source>
        <translation>SIN VERIFICAR</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>ACTIVA</translation>
    </message>
    <message>
        <source>INACTIVE</source>
        <translation>INACTIVA</translation>
    </message>
    <message>
        <source>NEEDS REVIEW</source>
        <translation>REQUIERE REVISIÓN</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>VENCIDA</translation>
    </message>
    <message>
        <source>Coinsurance</source>
        <translation>Coseguro</translation>
    </message>
    <message>
        <source>Copay</source>
        <translation>Copago</translation>
    </message>
    <message>
        <source>Out-of-pocket maximum</source>
        <translation>Gastos máximos de bolsillo</translation>
    </message>
    <message>
        <source>Active coverage</source>
        <translation>Cobertura activa</translation>
    </message>
    <message>
        <source>remaining</source>
        <translation>restante</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>desde el %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta el %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>VERIFYING…</source>
        <extracomment>A verification is running; upper case like the other statuses</extracomment>
        <translation>VERIFICANDO…</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <extracomment>The payer answered and refused the request (an AAA reject reason)</extracomment>
        <translation>RECHAZADA</translation>
    </message>
    <message>
        <source>COULD NOT VERIFY</source>
        <extracomment>The payer could not be reached or did not answer (timeout, connection, HTTP error)</extracomment>
        <translation>NO SE PUDO VERIFICAR</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <extracomment>Status of a verification the clerk stopped</extracomment>
        <translation>CANCELADA</translation>
    </message>
    <message>
        <source>%1 — AAA %2</source>
        <extracomment>%1 REJECTED, %2 the payer&apos;s reject reason codes (AAA03), e.g. &quot;72&quot;</extracomment>
        <translation>%1 — AAA %2</translation>
    </message>
    <message>
        <source>AAA %1: %2</source>
        <extracomment>%1 the reject reason code (AAA03), %2 what it means</extracomment>
        <translation>AAA %1: %2</translation>
    </message>
    <message>
        <source>Deductible</source>
        <translation>Deducible</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A deductible or out-of-pocket maximum and its coverage level: &quot;Deductible (individual)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2 met</source>
        <translation>%1 de %2 alcanzado</translation>
    </message>
    <message>
        <source>%1; the payer did not say how much is met</source>
        <translation>%1; el pagador no indicó cuánto se ha alcanzado</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 restante</translation>
    </message>
</context>
<context>
    <name>BenefitsModel</name>
    <message>
        <source>Benefit</source>
        <translation>Beneficio</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restante</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>BreakGlass</name>
    <message>
        <source>the emergency access</source>
        <translation>el acceso de emergencia</translation>
    </message>
</context>
<context>
    <name>CancelVisitDialog</name>
    <message>
        <source>Cancel Visit</source>
        <translation>Cancelar consulta</translation>
    </message>
    <message>
        <source>Cancel the visit of %1 on %2 at %3 with %4?</source>
        <translation>¿Cancelar la consulta de %1 el %2 a las %3 con %4?</translation>
    </message>
    <message>
        <source>no provider</source>
        <translation>sin proveedor</translation>
    </message>
    <message>
        <source>Patient cancelled</source>
        <translation>El paciente canceló</translation>
    </message>
    <message>
        <source>Patient rescheduled</source>
        <translation>El paciente reprogramó</translation>
    </message>
    <message>
        <source>Provider unavailable</source>
        <translation>Proveedor no disponible</translation>
    </message>
    <message>
        <source>Insurance not active</source>
        <translation>Seguro no activo</translation>
    </message>
    <message>
        <source>Booked in error</source>
        <translation>Programada por error</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>C&amp;ancel Visit</source>
        <translation>&amp;Cancelar consulta</translation>
    </message>
    <message>
        <source>&amp;Keep Visit</source>
        <translation>Co&amp;nservar consulta</translation>
    </message>
</context>
<context>
    <name>CcdaReader</name>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <source>months</source>
        <translation>meses</translation>
    </message>
    <message>
        <source>years</source>
        <translation>años</translation>
    </message>
    <message>
        <source>every second</source>
        <translation>cada segundo</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>cada minuto</translation>
    </message>
    <message>
        <source>every hour</source>
        <translation>cada hora</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>cada día</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>cada semana</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>cada mes</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>cada año</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>cada %1</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>Oral</translation>
    </message>
    <message>
        <source>Intravenous</source>
        <translation>Intravenosa</translation>
    </message>
    <message>
        <source>Intramuscular</source>
        <translation>Intramuscular</translation>
    </message>
    <message>
        <source>Subcutaneous</source>
        <translation>Subcutánea</translation>
    </message>
    <message>
        <source>Inhalation</source>
        <translation>Inhalación</translation>
    </message>
    <message>
        <source>Topical</source>
        <translation>Tópica</translation>
    </message>
    <message>
        <source>Nasal</source>
        <translation>Nasal</translation>
    </message>
    <message>
        <source>Ophthalmic</source>
        <translation>Oftálmica</translation>
    </message>
    <message>
        <source>Intradermal</source>
        <translation>Intradérmica</translation>
    </message>
    <message>
        <source>Rectal</source>
        <translation>Rectal</translation>
    </message>
    <message>
        <source>Sublingual</source>
        <translation>Sublingual</translation>
    </message>
    <message>
        <source>Transdermal</source>
        <translation>Transdérmica</translation>
    </message>
    <message>
        <source>Vaginal</source>
        <translation>Vaginal</translation>
    </message>
    <message>
        <source>every %1 %2</source>
        <translation>cada %1 %2</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>Anormal</translation>
    </message>
    <message>
        <source>Critically high</source>
        <translation>Críticamente alto</translation>
    </message>
    <message>
        <source>Critically low</source>
        <translation>Críticamente bajo</translation>
    </message>
    <message>
        <source>Critically abnormal</source>
        <translation>Críticamente anormal</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>The entry names nothing that could be read.</source>
        <translation>La entrada no nombra nada que se pueda leer.</translation>
    </message>
    <message>
        <source>Why not read</source>
        <translation>Por qué no se leyó</translation>
    </message>
    <message>
        <source>The entry holds no clinical statement.</source>
        <translation>La entrada no contiene ninguna declaración clínica.</translation>
    </message>
    <message>
        <source>The allergy concern holds no allergy observation.</source>
        <translation>El registro de alergia no contiene ninguna observación de alergia.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Ingredient</source>
        <translation>Ingrediente</translation>
    </message>
    <message>
        <source>at bedtime</source>
        <translation>al acostarse</translation>
    </message>
    <message>
        <source>before meals</source>
        <translation>antes de las comidas</translation>
    </message>
    <message>
        <source>after meals</source>
        <translation>después de las comidas</translation>
    </message>
    <message>
        <source>The problem concern holds no problem observation.</source>
        <translation>El registro de problema no contiene ninguna observación de problema.</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>The panel holds no observation.</source>
        <translation>El panel no contiene ninguna observación.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>not given (%1)</source>
        <translation>no indicado (%1)</translation>
    </message>
    <message>
        <source>Body site</source>
        <translation>Sitio anatómico</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Undifferentiated</source>
        <translation>Indiferenciado</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>The document has an unstructured body with nothing in it.</source>
        <translation>El documento tiene un cuerpo no estructurado que está vacío.</translation>
    </message>
    <message>
        <source>The document has no structured sections; its content (%1) is attached.</source>
        <translation>El documento no tiene secciones estructuradas; su contenido (%1) va adjunto.</translation>
    </message>
    <message>
        <source>The document has no structured sections; it refers to the file &quot;%1&quot;, which is not fetched.</source>
        <translation>El documento no tiene secciones estructuradas; remite al archivo &quot;%1&quot;, que no se descarga.</translation>
    </message>
    <message>
        <source>Section &quot;%1&quot; is not interpreted; its narrative is shown.</source>
        <translation>La sección &quot;%1&quot; no se interpreta; se muestra su texto narrativo.</translation>
    </message>
    <message>
        <source>Section &quot;%1&quot;: %2 of its entries could not be read; their text is shown.</source>
        <translation>Sección &quot;%1&quot;: no se pudieron leer %2 de sus entradas; se muestra su texto.</translation>
    </message>
    <message>
        <source>The document is %1 MB; documents over %2 MB are not read.</source>
        <translation>El documento ocupa %1 MB; no se leen documentos de más de %2 MB.</translation>
    </message>
    <message>
        <source>The document nests elements more than %1 levels deep (line %2); it is not read.</source>
        <translation>El documento anida elementos a más de %1 niveles de profundidad (línea %2); no se lee.</translation>
    </message>
    <message>
        <source>The document contains a document type declaration (&lt;!DOCTYPE&gt;) at line %1; clinical documents may not carry one, so it is not read.</source>
        <translation>El documento contiene una declaración de tipo de documento (&lt;!DOCTYPE&gt;) en la línea %1; los documentos clínicos no pueden llevarla, por lo que no se lee.</translation>
    </message>
    <message>
        <source>The document uses the entity reference &amp;%1; (line %2); only XML&apos;s own entities are allowed, so it is not read.</source>
        <translation>El documento usa la referencia de entidad &amp;%1; (línea %2); solo se permiten las entidades propias de XML, por lo que no se lee.</translation>
    </message>
    <message>
        <source>The document is not well-formed XML: %1 (line %2, column %3).</source>
        <translation>El documento no es XML bien formado: %1 (línea %2, columna %3).</translation>
    </message>
    <message>
        <source>The document is empty.</source>
        <translation>El documento está vacío.</translation>
    </message>
    <message>
        <source>The document is XML but not a clinical document: its root element is &lt;%1&gt;, not &lt;ClinicalDocument&gt;.</source>
        <translation>El documento es XML, pero no es un documento clínico: su elemento raíz es &lt;%1&gt;, no &lt;ClinicalDocument&gt;.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change Database Passphrase</source>
        <translation>Cambiar la frase de contraseña de la base de datos</translation>
    </message>
    <message>
        <source>The database passphrase unlocks this desk&apos;s encrypted database at every start. After the change only the new one does; tell everyone who starts ClinicDesk here.</source>
        <translation>La frase de contraseña desbloquea la base de datos cifrada de este puesto en cada inicio. Después del cambio solo sirve la nueva; avise a todos los que inician ClinicDesk aquí.</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>Frase &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>New passphrase a&amp;gain:</source>
        <translation>Nueva frase otra &amp;vez:</translation>
    </message>
    <message>
        <source>C&amp;hange</source>
        <translation>Ca&amp;mbiar</translation>
    </message>
    <message>
        <source>Enter the current passphrase.</source>
        <translation>Escriba la frase de contraseña actual.</translation>
    </message>
    <message>
        <source>The new passphrase must have at least %1 characters.</source>
        <translation>La nueva frase de contraseña debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two new passphrases differ. Type the same one twice.</source>
        <translation>Las dos frases nuevas no coinciden. Escriba la misma dos veces.</translation>
    </message>
    <message>
        <source>The new passphrase is the current one.</source>
        <translation>La nueva frase de contraseña es la actual.</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>ChartItemEditDialog</name>
    <message>
        <source>Edit Before Importing</source>
        <translation>Editar antes de importar</translation>
    </message>
    <message>
        <source>From the outside records, without a code.</source>
        <translation>De los registros externos, sin código.</translation>
    </message>
    <message>
        <source>From the outside records: %1 %2. The code stays as the record gave it.</source>
        <translation>De los registros externos: %1 %2. El código queda como lo dio el registro.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>&amp;Reaction:</source>
        <translation>&amp;Reacción:</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderada</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>grave</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>&amp;Gravedad:</translation>
    </message>
    <message>
        <source>&amp;Onset:</source>
        <translation>&amp;Inicio:</translation>
    </message>
    <message>
        <source>&amp;Dose:</source>
        <translation>&amp;Dosis:</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>&amp;Vía:</translation>
    </message>
    <message>
        <source>&amp;Frequency:</source>
        <translation>&amp;Frecuencia:</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>AAAA, AAAA-MM o AAAA-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Use These Details</source>
        <translation>&amp;Usar estos datos</translation>
    </message>
    <message>
        <source>Give the name the chart should show.</source>
        <translation>Indique el nombre que debe mostrar la historia clínica.</translation>
    </message>
    <message>
        <source>The onset &quot;%1&quot; is not a past date: write a year (2019), a month (2019-03) or a day (2019-03-04).</source>
        <translation>El inicio «%1» no es una fecha pasada: escriba un año (2019), un mes (2019-03) o un día (2019-03-04).</translation>
    </message>
</context>
<context>
    <name>ChartService</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>this line is not an outside statement to decide on.</source>
        <translation>esta línea no es una declaración externa sobre la que decidir.</translation>
    </message>
    <message>
        <source>a chart line needs a name.</source>
        <translation>una línea de la historia clínica necesita un nombre.</translation>
    </message>
    <message>
        <source>the chart line it would update is no longer there; review the outside records again.</source>
        <translation>la línea de la historia clínica que actualizaría ya no existe; revise de nuevo los registros externos.</translation>
    </message>
    <message>
        <source>it was added to the chart by %1 since this review began; review the outside records again.</source>
        <translation>%1 la añadió a la historia clínica después de empezar esta revisión; revise de nuevo los registros externos.</translation>
    </message>
    <message>
        <source>Nothing to apply: choose Accept, Edit or Reject on a line first.</source>
        <translation>Nada que aplicar: elija primero Aceptar, Editar o Rechazar en una línea.</translation>
    </message>
    <message>
        <source>the reconciliation</source>
        <translation>la conciliación</translation>
    </message>
    <message>
        <source>Would update in %1, as edited: %2</source>
        <translation>Actualizaría en %1, editado: %2</translation>
    </message>
    <message>
        <source>Would update in %1: %2</source>
        <translation>Actualizaría en %1: %2</translation>
    </message>
    <message>
        <source>Updated in %1, as edited: %2</source>
        <translation>Actualizado en %1, editado: %2</translation>
    </message>
    <message>
        <source>Updated in %1: %2</source>
        <translation>Actualizado en %1: %2</translation>
    </message>
    <message>
        <source>Would add to %1, as edited: %2</source>
        <translation>Añadiría a %1, editado: %2</translation>
    </message>
    <message>
        <source>Would add to %1: %2</source>
        <translation>Añadiría a %1: %2</translation>
    </message>
    <message>
        <source>Added to %1, as edited: %2</source>
        <translation>Añadido a %1, editado: %2</translation>
    </message>
    <message>
        <source>Added to %1: %2</source>
        <translation>Añadido a %1: %2</translation>
    </message>
    <message>
        <source>Would not import: %1</source>
        <translation>No importaría: %1</translation>
    </message>
    <message>
        <source>Would not import: %1 (%2)</source>
        <translation>No importaría: %1 (%2)</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>No importado: %1</translation>
    </message>
    <message>
        <source>Not imported: %1 (%2)</source>
        <translation>No importado: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Claim</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptada</translation>
    </message>
    <message>
        <source>Pended</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagada</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Pagada en parte</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denegada</translation>
    </message>
    <message>
        <source>Appealed</source>
        <translation>Apelada</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corregida</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Anulada</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Our submission</source>
        <translation>Nuestro envío</translation>
    </message>
    <message>
        <source>Payor&apos;s reply</source>
        <translation>Respuesta del pagador</translation>
    </message>
    <message>
        <source>Payor update (live)</source>
        <translation>Actualización del pagador (en vivo)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Remittance</source>
        <translation>Remesa</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
</context>
<context>
    <name>Claim837Reader</name>
    <message>
        <source>Claim %1: CLM02 says %2, its lines add up to %3.</source>
        <translation>Reclamación %1: CLM02 indica %2, sus líneas suman %3.</translation>
    </message>
    <message>
        <source>The file holds more than %1 claims, too many to read at once.</source>
        <translation>El archivo contiene más de %1 reclamaciones, demasiadas para leerlas de una vez.</translation>
    </message>
    <message>
        <source>Claim %1 has more than %2 service lines; the file was not read further.</source>
        <translation>La reclamación %1 tiene más de %2 líneas de servicio; no se siguió leyendo el archivo.</translation>
    </message>
    <message>
        <source>The line charge is not an amount: &quot;%1&quot;.</source>
        <translation>El cargo de la línea no es un importe: «%1».</translation>
    </message>
    <message>
        <source>The file holds no 837 claim transaction.</source>
        <translation>El archivo no contiene ninguna transacción de reclamación 837.</translation>
    </message>
</context>
<context>
    <name>Claim837Writer</name>
    <message>
        <source>Claim %1 cannot be written as an 837P: %2</source>
        <translation>La reclamación %1 no se puede escribir como 837P: %2</translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation>(sin número)</translation>
    </message>
    <message>
        <source>it has no claim number.</source>
        <translation>no tiene número de reclamación.</translation>
    </message>
    <message>
        <source>it has no member ID.</source>
        <translation>no tiene ID de miembro.</translation>
    </message>
    <message>
        <source>the billing provider has no NPI.</source>
        <translation>el proveedor de facturación no tiene NPI.</translation>
    </message>
    <message>
        <source>it has no date of service.</source>
        <translation>no tiene fecha de servicio.</translation>
    </message>
    <message>
        <source>it needs 1 to %1 diagnoses, it has %2.</source>
        <translation>necesita de 1 a %1 diagnósticos, tiene %2.</translation>
    </message>
    <message>
        <source>it needs 1 to %1 service lines, it has %2.</source>
        <translation>necesita de 1 a %1 líneas de servicio, tiene %2.</translation>
    </message>
    <message>
        <source>a replacement or void needs the payer&apos;s claim number (REF*F8).</source>
        <translation>un reemplazo o anulación necesita el número de reclamación del pagador (REF*F8).</translation>
    </message>
    <message>
        <source>line %1 has no procedure code.</source>
        <translation>la línea %1 no tiene código de procedimiento.</translation>
    </message>
    <message>
        <source>line %1 has no units.</source>
        <translation>la línea %1 no tiene unidades.</translation>
    </message>
    <message>
        <source>line %1 has more than %2 modifiers.</source>
        <translation>la línea %1 tiene más de %2 modificadores.</translation>
    </message>
    <message>
        <source>line %1 needs 1 to %2 diagnosis pointers.</source>
        <translation>la línea %1 necesita de 1 a %2 punteros de diagnóstico.</translation>
    </message>
    <message>
        <source>line %1 points at diagnosis %2, which the claim does not have.</source>
        <translation>la línea %1 apunta al diagnóstico %2, que la reclamación no tiene.</translation>
    </message>
    <message>
        <source>No claims were selected to write.</source>
        <translation>No se seleccionó ninguna reclamación para escribir.</translation>
    </message>
</context>
<context>
    <name>ClaimCodes</name>
    <message>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <source>Telehealth provided other than in the patient&apos;s home</source>
        <translation>Telesalud prestada fuera del domicilio del paciente</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <source>Homeless shelter</source>
        <translation>Refugio para personas sin hogar</translation>
    </message>
    <message>
        <source>Prison or correctional facility</source>
        <translation>Prisión o centro penitenciario</translation>
    </message>
    <message>
        <source>Telehealth provided in the patient&apos;s home</source>
        <translation>Telesalud prestada en el domicilio del paciente</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Consultorio</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Domicilio</translation>
    </message>
    <message>
        <source>Assisted living facility</source>
        <translation>Centro de vida asistida</translation>
    </message>
    <message>
        <source>Group home</source>
        <translation>Hogar grupal</translation>
    </message>
    <message>
        <source>Mobile unit</source>
        <translation>Unidad móvil</translation>
    </message>
    <message>
        <source>Walk-in retail health clinic</source>
        <translation>Clínica de salud sin cita en comercio minorista</translation>
    </message>
    <message>
        <source>Place of employment or worksite</source>
        <translation>Lugar de empleo o sitio de trabajo</translation>
    </message>
    <message>
        <source>Off-campus outpatient hospital</source>
        <translation>Hospital ambulatorio fuera del campus</translation>
    </message>
    <message>
        <source>Urgent care facility</source>
        <translation>Centro de atención de urgencias</translation>
    </message>
    <message>
        <source>Inpatient hospital</source>
        <translation>Hospital para pacientes hospitalizados</translation>
    </message>
    <message>
        <source>On-campus outpatient hospital</source>
        <translation>Hospital ambulatorio dentro del campus</translation>
    </message>
    <message>
        <source>Emergency room, hospital</source>
        <translation>Sala de emergencias, hospital</translation>
    </message>
    <message>
        <source>Ambulatory surgical center</source>
        <translation>Centro de cirugía ambulatoria</translation>
    </message>
    <message>
        <source>Birthing center</source>
        <translation>Centro de maternidad</translation>
    </message>
    <message>
        <source>Skilled nursing facility</source>
        <translation>Centro de enfermería especializada</translation>
    </message>
    <message>
        <source>Nursing facility</source>
        <translation>Centro de enfermería</translation>
    </message>
    <message>
        <source>Custodial care facility</source>
        <translation>Centro de cuidados de custodia</translation>
    </message>
    <message>
        <source>Hospice</source>
        <translation>Hospicio</translation>
    </message>
    <message>
        <source>Ambulance, land</source>
        <translation>Ambulancia terrestre</translation>
    </message>
    <message>
        <source>Ambulance, air or water</source>
        <translation>Ambulancia aérea o acuática</translation>
    </message>
    <message>
        <source>Independent clinic</source>
        <translation>Clínica independiente</translation>
    </message>
    <message>
        <source>Federally qualified health center</source>
        <translation>Centro de salud calificado federalmente</translation>
    </message>
    <message>
        <source>Community mental health center</source>
        <translation>Centro comunitario de salud mental</translation>
    </message>
    <message>
        <source>Non-residential substance abuse treatment facility</source>
        <translation>Centro no residencial de tratamiento por abuso de sustancias</translation>
    </message>
    <message>
        <source>Mass immunization center</source>
        <translation>Centro de vacunación masiva</translation>
    </message>
    <message>
        <source>End-stage renal disease treatment facility</source>
        <translation>Centro de tratamiento de enfermedad renal en etapa terminal</translation>
    </message>
    <message>
        <source>Public health clinic</source>
        <translation>Clínica de salud pública</translation>
    </message>
    <message>
        <source>Rural health clinic</source>
        <translation>Clínica de salud rural</translation>
    </message>
    <message>
        <source>Independent laboratory</source>
        <translation>Laboratorio independiente</translation>
    </message>
    <message>
        <source>Other place of service</source>
        <translation>Otro lugar de servicio</translation>
    </message>
    <message>
        <source>it is empty; enter a code such as J20.9</source>
        <translation>está vacío; ingrese un código como J20.9</translation>
    </message>
    <message>
        <source>“%1” is not allowed; use letters, digits and a dot</source>
        <extracomment>%1 is the character that is not allowed</extracomment>
        <translation>«%1» no está permitido; use letras, dígitos y un punto</translation>
    </message>
    <message>
        <source>it has more than one dot</source>
        <translation>tiene más de un punto</translation>
    </message>
    <message>
        <source>the dot goes after the third character, as in J20.9</source>
        <translation>el punto va después del tercer carácter, como en J20.9</translation>
    </message>
    <message>
        <source>the first character must be a letter</source>
        <translation>el primer carácter debe ser una letra</translation>
    </message>
    <message>
        <source>the second character must be a digit (0–9)</source>
        <translation>el segundo carácter debe ser un dígito (0–9)</translation>
    </message>
    <message>
        <source>it is empty; enter a code such as 99213 or J1100</source>
        <translation>está vacío; ingrese un código como 99213 o J1100</translation>
    </message>
    <message>
        <source>it contains spaces; a code is five letters or digits without spaces</source>
        <translation>contiene espacios; un código tiene cinco letras o dígitos sin espacios</translation>
    </message>
    <message>
        <source>write its letter in upper case: %1</source>
        <translation>escriba su letra en mayúscula: %1</translation>
    </message>
    <message>
        <source>a CPT code that ends in a letter ends in F, T, U or M</source>
        <translation>un código CPT que termina en letra termina en F, T, U o M</translation>
    </message>
    <message>
        <source>no HCPCS Level II code starts with %1 (they start with A–V, except F, I, N and O; did you mean a digit?)</source>
        <extracomment>%1 is a letter; HCPCS Level II codes start with A–V except F, I, N and O</extracomment>
        <translation>ningún código HCPCS de nivel II empieza por %1 (empiezan por A–V, excepto F, I, N y O; ¿quiso escribir un dígito?)</translation>
    </message>
    <message>
        <source>expected five digits (99213), four digits and F, T, U or M (3074F, 0042T), or a letter and four digits (J1100)</source>
        <translation>se esperaban cinco dígitos (99213), cuatro dígitos y F, T, U o M (3074F, 0042T), o una letra y cuatro dígitos (J1100)</translation>
    </message>
    <message>
        <source>a modifier is empty</source>
        <translation>un modificador está vacío</translation>
    </message>
    <message>
        <source>“%1” is not a modifier: modifiers are two letters or digits (25, RT)</source>
        <translation>«%1» no es un modificador: los modificadores son dos letras o dígitos (25, RT)</translation>
    </message>
    <message>
        <source>write modifier “%1” in upper case: %2</source>
        <translation>escriba el modificador «%1» en mayúsculas: %2</translation>
    </message>
    <message>
        <source>a line takes at most %1 modifiers; this one has %2</source>
        <translation>una línea admite como máximo %1 modificadores; esta tiene %2</translation>
    </message>
    <message>
        <source>modifier %1 is given twice</source>
        <translation>el modificador %1 aparece dos veces</translation>
    </message>
    <message>
        <source>it is empty; an NPI has 10 digits</source>
        <translation>está vacío; un NPI tiene 10 dígitos</translation>
    </message>
    <message>
        <source>an NPI has digits only</source>
        <translation>un NPI tiene solo dígitos</translation>
    </message>
    <message>
        <source>an NPI starts with 1 or 2</source>
        <translation>un NPI empieza por 1 o 2</translation>
    </message>
    <message>
        <source>its check digit (the last) does not match the other nine; a digit is probably mistyped</source>
        <translation>su dígito de control (el último) no coincide con los otros nueve; probablemente hay un dígito mal escrito</translation>
    </message>
    <message>
        <source>a place of service is two digits, such as 11 (office)</source>
        <translation>un lugar de servicio son dos dígitos, como 11 (consultorio)</translation>
    </message>
    <message numerus="yes">
        <source>it has %n characters; ICD-10-CM codes have 3 to 7</source>
        <translation>
            <numerusform>tiene %n carácter; los códigos ICD-10-CM tienen de 3 a 7</numerusform>
            <numerusform>tiene %n caracteres; los códigos ICD-10-CM tienen de 3 a 7</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it has %n characters; CPT and HCPCS codes have 5</source>
        <translation>
            <numerusform>tiene %n carácter; los códigos CPT y HCPCS tienen 5</numerusform>
            <numerusform>tiene %n caracteres; los códigos CPT y HCPCS tienen 5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it has %n digits; an NPI has 10</source>
        <translation>
            <numerusform>tiene %n dígito; un NPI tiene 10</numerusform>
            <numerusform>tiene %n dígitos; un NPI tiene 10</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimCommands</name>
    <message>
        <source>billed %1</source>
        <translation>facturado %1</translation>
    </message>
    <message>
        <source>paid %1</source>
        <translation>pagado %1</translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation>paciente %1</translation>
    </message>
    <message>
        <source>billed %1, allowed %2, paid %3</source>
        <translation>facturado %1, permitido %2, pagado %3</translation>
    </message>
    <message>
        <source>%1 has no active insurance on file; a claim needs one.</source>
        <translation>%1 no tiene seguro activo registrado; una reclamación lo necesita.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>(send anyway with --override &quot;reason&quot;)</source>
        <translation>(envíela de todos modos con --override &quot;motivo&quot;)</translation>
    </message>
    <message>
        <source>No payor is set up (Settings, Payor); the claim was not sent.</source>
        <translation>No hay pagador configurado (Configuración, Pagador); la reclamación no se envió.</translation>
    </message>
    <message numerus="yes">
        <source>No decision from the payor within %n seconds; the claim stays %1.</source>
        <translation>
            <numerusform>Sin decisión del pagador en %n segundo; la reclamación sigue %1.</numerusform>
            <numerusform>Sin decisión del pagador en %n segundos; la reclamación sigue %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>No payor is set up (Settings, Payor); nothing to sync with.</source>
        <translation>No hay pagador configurado (Configuración, Pagador); no hay con quién sincronizar.</translation>
    </message>
    <message numerus="yes">
        <source>Asked the payor about %n open claims</source>
        <translation>
            <numerusform>Se consultó al pagador por %n reclamación abierta</numerusform>
            <numerusform>Se consultó al pagador por %n reclamaciones abiertas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed.</source>
        <translation>
            <numerusform>%n cambió.</numerusform>
            <numerusform>%n cambiaron.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims written to %1 (837P, %2 segments).</source>
        <translation>
            <numerusform>%n reclamación escrita en %1 (837P, %2 segmentos).</numerusform>
            <numerusform>%n reclamaciones escritas en %1 (837P, %2 segmentos).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n remittances read</source>
        <translation>
            <numerusform>%n remesa leída</numerusform>
            <numerusform>%n remesas leídas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n applied to our claims</source>
        <translation>
            <numerusform>%n aplicada a nuestras reclamaciones</numerusform>
            <numerusform>%n aplicadas a nuestras reclamaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not ours (kept)</source>
        <translation>
            <numerusform>%n no es nuestra (guardada)</numerusform>
            <numerusform>%n no son nuestras (guardadas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not balanced</source>
        <translation>
            <numerusform>%n no cuadra</numerusform>
            <numerusform>%n no cuadran</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a claim status; use one of: %2</source>
        <translation>&quot;%1&quot; no es un estado de reclamación; use uno de: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n claims</source>
        <translation>
            <numerusform>%n reclamación</numerusform>
            <numerusform>%n reclamaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims written to %1.</source>
        <translation>
            <numerusform>%n reclamación escrita en %1.</numerusform>
            <numerusform>%n reclamaciones escritas en %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimDashboardModel</name>
    <message>
        <source>Claim</source>
        <translation>Reclamación</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Date of Service</source>
        <translation>Fecha de servicio</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturado</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Permitido</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Patient Resp.</source>
        <translation>Resp. paciente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Days in Status</source>
        <translation>Días en estado</translation>
    </message>
    <message>
        <source>Last Update</source>
        <translation>Última actualización</translation>
    </message>
</context>
<context>
    <name>ClaimDashboardService</name>
    <message>
        <source>Claim</source>
        <translation>Reclamación</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Date of Service</source>
        <translation>Fecha de servicio</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturado</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Permitido</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Patient Responsibility</source>
        <translation>Responsabilidad del paciente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Days in Status</source>
        <translation>Días en estado</translation>
    </message>
    <message>
        <source>Last Update (UTC)</source>
        <translation>Última actualización (UTC)</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>No se pudo escribir el archivo %1: %2</translation>
    </message>
</context>
<context>
    <name>ClaimDetailDialog</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>E&amp;nviar…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>An&amp;ular…</translation>
    </message>
    <message>
        <source>&amp;Appeal…</source>
        <translation>&amp;Apelar…</translation>
    </message>
    <message>
        <source>&amp;Write Off…</source>
        <translation>Dar de &amp;baja…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Modifiers</source>
        <translation>Modificadores</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnósticos</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Service lines</source>
        <translation>Líneas de servicio</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Reclamación</translation>
    </message>
    <message>
        <source>Claim status</source>
        <translation>Estado de la reclamación</translation>
    </message>
    <message>
        <source>Remittance</source>
        <translation>Remesa</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Remittance per line, with each adjustment explained</source>
        <translation>Remesa por línea, con cada ajuste explicado</translation>
    </message>
    <message>
        <source>&amp;Payment</source>
        <translation>&amp;Pago</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>&amp;Líneas</translation>
    </message>
    <message>
        <source>This claim no longer exists.</source>
        <translation>Esta reclamación ya no existe.</translation>
    </message>
    <message>
        <source>Claim %1 — %2</source>
        <translation>Reclamación %1 — %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1, member %2</source>
        <translation>%1, afiliado %2</translation>
    </message>
    <message>
        <source>date of service %1</source>
        <translation>fecha de servicio %1</translation>
    </message>
    <message>
        <source>payor claim %1</source>
        <translation>reclamación del pagador %1</translation>
    </message>
    <message>
        <source>corrected claim (replaces the payor&apos;s %1)</source>
        <translation>reclamación corregida (sustituye la %1 del pagador)</translation>
    </message>
    <message>
        <source>void of an earlier claim</source>
        <translation>anulación de una reclamación anterior</translation>
    </message>
    <message>
        <source>Billed %1</source>
        <translation>Facturado %1</translation>
    </message>
    <message>
        <source>allowed %1</source>
        <translation>permitido %1</translation>
    </message>
    <message>
        <source>paid %1</source>
        <translation>pagado %1</translation>
    </message>
    <message>
        <source>patient owes %1</source>
        <translation>el paciente debe %1</translation>
    </message>
    <message>
        <source>payment expected %1</source>
        <translation>pago previsto %1</translation>
    </message>
    <message>
        <source>The payor says: %1</source>
        <translation>El pagador dice: %1</translation>
    </message>
    <message>
        <source>No remittance yet: the payor has not paid or denied this claim.</source>
        <translation>Aún no hay remesa: el pagador no ha pagado ni denegado esta reclamación.</translation>
    </message>
    <message>
        <source>from the payor</source>
        <translation>del pagador</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>Remittance %1, received %2: paid %3, patient owes %4</source>
        <translation>Remesa %1, recibida %2: pagado %3, el paciente debe %4</translation>
    </message>
    <message>
        <source>Does not add up: %1</source>
        <translation>No cuadra: %1</translation>
    </message>
    <message>
        <source>Line %1 %2: billed %3, allowed %4, paid</source>
        <translation>Línea %1 %2: facturado %3, permitido %4, pagado</translation>
    </message>
    <message>
        <source>Appeal Claim %1</source>
        <translation>Apelar la reclamación %1</translation>
    </message>
    <message>
        <source>Why the payor&apos;s decision is wrong (recorded on the claim&apos;s timeline):</source>
        <translation>Por qué la decisión del pagador es incorrecta (queda en el historial de la reclamación):</translation>
    </message>
    <message>
        <source>Write Off Claim %1</source>
        <translation>Dar de baja la reclamación %1</translation>
    </message>
    <message>
        <source>Reason (for example: patient balance paid at the desk, small balance write-off):</source>
        <translation>Motivo (por ejemplo: saldo del paciente pagado en recepción, saldo pequeño dado de baja):</translation>
    </message>
    <message>
        <source>Void Claim %1</source>
        <translation>Anular la reclamación %1</translation>
    </message>
    <message>
        <source>Send the payor a void of claim %1 (payor claim %2)? The claim is cancelled at the payor; any payment on it will be taken back.</source>
        <translation>¿Enviar al pagador la anulación de la reclamación %1 (reclamación del pagador %2)? La reclamación se cancela en el pagador; cualquier pago sobre ella se revertirá.</translation>
    </message>
    <message>
        <source>C&amp;orrect &amp;&amp; Resubmit…</source>
        <translation>Corre&amp;gir y reenviar…</translation>
    </message>
</context>
<context>
    <name>ClaimDiagnosesModel</name>
    <message>
        <source>Service lines point at this diagnosis as %1.</source>
        <translation>Las líneas de servicio se refieren a este diagnóstico como %1.</translation>
    </message>
    <message>
        <source>ICD-10-CM</source>
        <translation>CIE-10-MC</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
</context>
<context>
    <name>ClaimEvents</name>
    <message>
        <source>Claim %1 is not one of this desk&apos;s claims.</source>
        <translation>La reclamación %1 no es de este puesto.</translation>
    </message>
    <message>
        <source>Claim %1 unchanged: %2</source>
        <translation>Reclamación %1 sin cambios: %2</translation>
    </message>
</context>
<context>
    <name>ClaimFileService</name>
    <message>
        <source>not one of our claims; kept</source>
        <translation>no es una de nuestras reclamaciones; guardada</translation>
    </message>
    <message>
        <source>Remittance %1 paid %2.</source>
        <translation>La remesa %1 pagó %2.</translation>
    </message>
    <message>
        <source>%1: kept; claim status code %2 changes no status</source>
        <translation>%1: guardada; el código de estado %2 no cambia el estado</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is %2 MB; remittance files above %3 MB are refused.</source>
        <translation>%1 ocupa %2 MB; se rechazan los archivos de remesa de más de %3 MB.</translation>
    </message>
    <message>
        <source>%1 is not a readable 835: %2</source>
        <translation>%1 no es un 835 legible: %2</translation>
    </message>
    <message>
        <source>%1 holds no claim payments (CLP).</source>
        <translation>%1 no contiene pagos de reclamaciones (CLP).</translation>
    </message>
    <message>
        <source>the remittance</source>
        <translation>la remesa</translation>
    </message>
    <message>
        <source>No submitted claims match; drafts are not exported.</source>
        <translation>Ninguna reclamación enviada coincide; los borradores no se exportan.</translation>
    </message>
    <message>
        <source>More than %1 claims match; export a shorter period.</source>
        <translation>Coinciden más de %1 reclamaciones; exporte un período más corto.</translation>
    </message>
    <message>
        <source>the export</source>
        <translation>la exportación</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>ClaimFormDialog</name>
    <message>
        <source>New Claim</source>
        <translation>Nueva reclamación</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Reclamación</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Type a name, date of birth or MRN</source>
        <translation>Escriba un nombre, fecha de nacimiento o n.º de historia</translation>
    </message>
    <message>
        <source>C&amp;overage:</source>
        <translation>C&amp;obertura:</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Date of s&amp;ervice:</source>
        <translation>Fecha de &amp;servicio:</translation>
    </message>
    <message>
        <source>Date of service</source>
        <translation>Fecha de servicio</translation>
    </message>
    <message>
        <source>Place o&amp;f service:</source>
        <translation>Lu&amp;gar de servicio:</translation>
    </message>
    <message>
        <source>Place of service</source>
        <translation>Lugar de servicio</translation>
    </message>
    <message>
        <source>Priorit&amp;y:</source>
        <translation>P&amp;rioridad:</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>&amp;Reason to submit anyway:</source>
        <translation>&amp;Motivo para enviarla de todos modos:</translation>
    </message>
    <message>
        <source>Reason to submit anyway</source>
        <translation>Motivo para enviarla de todos modos</translation>
    </message>
    <message>
        <source>e.g. verified by phone with the payer today</source>
        <translation>p. ej., verificada hoy por teléfono con el pagador</translation>
    </message>
    <message>
        <source>&amp;Billing provider:</source>
        <translation>Proveedor de &amp;facturación:</translation>
    </message>
    <message>
        <source>Billing provider name</source>
        <translation>Nombre del proveedor de facturación</translation>
    </message>
    <message>
        <source>Billing NPI:</source>
        <translation>NPI de facturación:</translation>
    </message>
    <message>
        <source>Billing provider NPI</source>
        <translation>NPI del proveedor de facturación</translation>
    </message>
    <message>
        <source>Rendering pro&amp;vider:</source>
        <translation>Proveedor que a&amp;tiende:</translation>
    </message>
    <message>
        <source>Rendering provider name</source>
        <translation>Nombre del proveedor que atiende</translation>
    </message>
    <message>
        <source>Rendering NPI:</source>
        <translation>NPI del que atiende:</translation>
    </message>
    <message>
        <source>Rendering provider NPI</source>
        <translation>NPI del proveedor que atiende</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Dia&amp;gnoses (ICD-10-CM):</source>
        <translation>&amp;Diagnósticos (CIE-10-MC):</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnósticos</translation>
    </message>
    <message>
        <source>&amp;Add Diagnosis</source>
        <translation>&amp;Agregar diagnóstico</translation>
    </message>
    <message>
        <source>Re&amp;move Diagnosis</source>
        <translation>&amp;Quitar diagnóstico</translation>
    </message>
    <message>
        <source>Service &amp;lines:</source>
        <translation>&amp;Líneas de servicio:</translation>
    </message>
    <message>
        <source>Service lines</source>
        <translation>Líneas de servicio</translation>
    </message>
    <message>
        <source>Add Li&amp;ne</source>
        <translation>&amp;Insertar línea</translation>
    </message>
    <message>
        <source>Remove L&amp;ine</source>
        <translation>&amp;Borrar línea</translation>
    </message>
    <message>
        <source>Total charges:</source>
        <translation>Total de cargos:</translation>
    </message>
    <message>
        <source>Total charges</source>
        <translation>Total de cargos</translation>
    </message>
    <message>
        <source>Is&amp;sues:</source>
        <translation>Errores y a&amp;visos:</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Errores y avisos</translation>
    </message>
    <message>
        <source>%1 · member %2 · %3</source>
        <extracomment>Coverage picker entry: %1 payer, %2 member ID, %3 Primary/Secondary/Tertiary</extracomment>
        <translation>%1 · afiliado %2 · %3</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>G&amp;uardar borrador</translation>
    </message>
    <message>
        <source>S&amp;ubmit</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Validate the claim and queue it for the payor</source>
        <translation>Validar la reclamación y ponerla en cola para el pagador</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <extracomment>Place of service picker entry: %1 the two-digit code, %2 its name</extracomment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation>10 dígitos</translation>
    </message>
    <message>
        <source>same as billing when empty</source>
        <translation>si está vacío, el de facturación</translation>
    </message>
    <message>
        <source>Sent to the payor with the claim</source>
        <translation>Se envía al pagador con la reclamación</translation>
    </message>
    <message>
        <source>Matching patients</source>
        <translation>Pacientes que coinciden</translation>
    </message>
    <message>
        <source>Could not search patients: %1</source>
        <translation>No se pudo buscar pacientes: %1</translation>
    </message>
    <message>
        <source>No patient matches “%1”.</source>
        <translation>Ningún paciente coincide con «%1».</translation>
    </message>
    <message>
        <source>Pointer: the number service lines use for the diagnosis</source>
        <translation>Puntero: el número con el que las líneas de servicio se refieren al diagnóstico</translation>
    </message>
    <message>
        <source>Add a diagnosis (Insert in the table)</source>
        <translation>Agregar un diagnóstico (Insert en la tabla)</translation>
    </message>
    <message>
        <source>Remove the current diagnosis (Delete in the table)</source>
        <translation>Quitar el diagnóstico actual (Supr en la tabla)</translation>
    </message>
    <message>
        <source>Add a service line (Insert in the table)</source>
        <translation>Agregar una línea de servicio (Insert en la tabla)</translation>
    </message>
    <message>
        <source>Remove the current line (Delete in the table)</source>
        <translation>Quitar la línea actual (Supr en la tabla)</translation>
    </message>
    <message>
        <source>New Claim from Visit</source>
        <translation>Nueva reclamación desde la consulta</translation>
    </message>
    <message>
        <source>%1 has no active insurance on file; add a coverage to the patient before billing.</source>
        <translation>%1 no tiene seguro activo registrado; agregue una cobertura al paciente antes de facturar.</translation>
    </message>
    <message>
        <source>Correct Claim</source>
        <translation>Corregir reclamación</translation>
    </message>
    <message>
        <source>Edit Claim %1</source>
        <translation>Editar reclamación %1</translation>
    </message>
    <message>
        <source>%1 (payor claim %2)</source>
        <translation>%1 (reclamación del pagador %2)</translation>
    </message>
    <message>
        <source>claim #%1</source>
        <translation>reclamación n.º %1</translation>
    </message>
    <message>
        <source>Corrected claim replacing %1. It is sent with frequency code 7; the payor replaces the original with it.</source>
        <translation>Reclamación corregida que sustituye a %1. Se envía con el código de frecuencia 7; el pagador sustituye la original por ella.</translation>
    </message>
    <message>
        <source>Void of %1 (frequency code 8).</source>
        <translation>Anulación de %1 (código de frecuencia 8).</translation>
    </message>
    <message>
        <source>New claim in place of the rejected %1.</source>
        <translation>Reclamación nueva en lugar de la rechazada %1.</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>nacido el %1</translation>
    </message>
    <message>
        <source>female</source>
        <translation>mujer</translation>
    </message>
    <message>
        <source>male</source>
        <translation>hombre</translation>
    </message>
    <message>
        <source> (as on the claim)</source>
        <translation> (como en la reclamación)</translation>
    </message>
    <message>
        <source>No active coverage on file</source>
        <translation>No hay cobertura activa registrada</translation>
    </message>
    <message>
        <source>Coverage verified: %1.</source>
        <translation>Cobertura verificada: %1.</translation>
    </message>
    <message>
        <source>No issues: the claim is ready to submit.</source>
        <translation>Sin errores: la reclamación está lista para enviarse.</translation>
    </message>
    <message>
        <source>Ready to submit</source>
        <translation>Lista para enviar</translation>
    </message>
    <message numerus="yes">
        <source>%n errors to fix before submitting</source>
        <translation>
            <numerusform>%n error que corregir antes de enviar</numerusform>
            <numerusform>%n errores que corregir antes de enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n aviso</numerusform>
            <numerusform>%n avisos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>%1 &quot;2 errors&quot;, %2 &quot;1 warning&quot;</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n lines</source>
        <extracomment>Accessible text of the running total: %1 the amount, %n the number of lines</extracomment>
        <translation>
            <numerusform>%1 por %n línea</numerusform>
            <numerusform>%1 por %n líneas</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>Guardando el borrador…</translation>
    </message>
    <message>
        <source>The coverage is not verified active for the date of service: give the reason to submit the claim anyway.</source>
        <translation>La cobertura no está verificada como activa para la fecha de servicio: indique el motivo para enviar la reclamación de todos modos.</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>The claim was not submitted: %1</source>
        <translation>La reclamación no se envió: %1</translation>
    </message>
    <message>
        <source>The draft was not saved: %1</source>
        <translation>El borrador no se guardó: %1</translation>
    </message>
</context>
<context>
    <name>ClaimLinesModel</name>
    <message>
        <source>Line %1: “%2” is not a number of units; type a whole number such as 1.</source>
        <translation>Línea %1: «%2» no es un número de unidades; escriba un número entero como 1.</translation>
    </message>
    <message>
        <source>Line %1: “%2” is not an amount; type dollars and cents, such as 125.00.</source>
        <translation>Línea %1: «%2» no es un importe; escriba dólares y centavos, como 125.00.</translation>
    </message>
    <message>
        <source>Line %1: “%2” are not diagnosis numbers; type them as 1,2.</source>
        <translation>Línea %1: «%2» no son números de diagnóstico; escríbalos como 1,2.</translation>
    </message>
    <message>
        <source>Up to four two-character modifiers, separated by spaces (25 59).</source>
        <translation>Hasta cuatro modificadores de dos caracteres, separados por espacios (25 59).</translation>
    </message>
    <message>
        <source>The diagnosis numbers this line treats, most important first (1,2).</source>
        <translation>Los números de diagnóstico que trata esta línea, el más importante primero (1,2).</translation>
    </message>
    <message>
        <source>Units × unit price: what the claim bills for the line.</source>
        <translation>Unidades × precio unitario: lo que la reclamación factura por la línea.</translation>
    </message>
    <message>
        <source>CPT/HCPCS</source>
        <translation>CPT/HCPCS</translation>
    </message>
    <message>
        <source>Modifiers</source>
        <translation>Modificadores</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Unit Price</source>
        <translation>Precio unitario</translation>
    </message>
    <message>
        <source>Dx Ptrs</source>
        <extracomment>Column of the diagnosis pointers of a service line</extracomment>
        <translation>Punt. Dx</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Cargo</translation>
    </message>
</context>
<context>
    <name>ClaimPreparer</name>
    <message>
        <source>The patient no longer exists.</source>
        <translation>El paciente ya no existe.</translation>
    </message>
    <message>
        <source>The visit no longer exists.</source>
        <translation>La consulta ya no existe.</translation>
    </message>
    <message>
        <source>no coverage on file was chosen</source>
        <translation>no se eligió ninguna cobertura registrada</translation>
    </message>
    <message>
        <source>never verified with the payer</source>
        <translation>nunca verificada con el pagador</translation>
    </message>
    <message>
        <source>inactive when verified for %1</source>
        <translation>inactiva al verificarse para el %1</translation>
    </message>
    <message>
        <source>active when verified for %1</source>
        <translation>activa al verificarse para el %1</translation>
    </message>
    <message>
        <source>last verified for %1, not for the date of service</source>
        <translation>verificada por última vez para el %1, no para la fecha de servicio</translation>
    </message>
</context>
<context>
    <name>ClaimService</name>
    <message>
        <source>Only a draft claim, or one that could not be delivered, can be sent.</source>
        <translation>Solo se puede enviar una reclamación en borrador o una que no se pudo entregar.</translation>
    </message>
    <message>
        <source>The claim being corrected has no payor claim number yet.</source>
        <translation>La reclamación que se corrige todavía no tiene número de reclamación del pagador.</translation>
    </message>
    <message>
        <source>Queued for the payor.</source>
        <translation>En cola para el pagador.</translation>
    </message>
    <message>
        <source>Coverage not verified active for the date of service; sent anyway: %1</source>
        <translation>Cobertura no verificada como activa para la fecha de servicio; enviada de todos modos: %1</translation>
    </message>
    <message>
        <source>The payor sent a status this version does not know: &quot;%1&quot;.</source>
        <translation>El pagador envió un estado que esta versión no conoce: «%1».</translation>
    </message>
    <message>
        <source>The payor&apos;s claim %1 is not one of this desk&apos;s claims.</source>
        <translation>La reclamación %1 del pagador no es de este puesto.</translation>
    </message>
    <message>
        <source>older than the status already held</source>
        <translation>es anterior al estado que ya se tiene</translation>
    </message>
    <message>
        <source>it would move the claim back from %1 to %2</source>
        <translation>haría retroceder la reclamación de %1 a %2</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nada nuevo</translation>
    </message>
    <message>
        <source>The claim no longer exists.</source>
        <translation>La reclamación ya no existe.</translation>
    </message>
    <message>
        <source>A mapping needs an insurance ID and a payor name.</source>
        <translation>Una asignación necesita un ID de seguro y el nombre de un pagador.</translation>
    </message>
    <message>
        <source>the claim</source>
        <translation>la reclamación</translation>
    </message>
    <message>
        <source>Claim created.</source>
        <translation>Reclamación creada.</translation>
    </message>
    <message>
        <source>The claim being corrected no longer exists.</source>
        <translation>La reclamación que se corrige ya no existe.</translation>
    </message>
    <message>
        <source>Claim %1 is already %2; it cannot be corrected or voided again.</source>
        <translation>La reclamación %1 ya está %2; no se puede corregir ni anular otra vez.</translation>
    </message>
    <message>
        <source>Replaced by corrected claim %1.</source>
        <translation>Sustituida por la reclamación corregida %1.</translation>
    </message>
    <message>
        <source>Voided by claim %1.</source>
        <translation>Anulada por la reclamación %1.</translation>
    </message>
    <message>
        <source>Sent again as new claim %1.</source>
        <translation>Enviada de nuevo como la reclamación nueva %1.</translation>
    </message>
    <message>
        <source>An appeal needs a note saying why the decision is wrong.</source>
        <translation>Una apelación necesita una nota que diga por qué la decisión es incorrecta.</translation>
    </message>
    <message>
        <source>Writing a claim off needs a reason.</source>
        <translation>Dar de baja una reclamación necesita un motivo.</translation>
    </message>
    <message>
        <source>the payor mappings</source>
        <translation>las asignaciones de pagadores</translation>
    </message>
</context>
<context>
    <name>ClaimSubmitter</name>
    <message>
        <source>The payor refused the claim (HTTP %1).</source>
        <translation>El pagador rechazó la reclamación (HTTP %1).</translation>
    </message>
    <message>
        <source>the claims outbox</source>
        <translation>la bandeja de salida de reclamaciones</translation>
    </message>
    <message>
        <source>Sent to the payor.</source>
        <translation>Enviada al pagador.</translation>
    </message>
    <message>
        <source>The claim&apos;s status could not be saved.</source>
        <translation>No se pudo guardar el estado de la reclamación.</translation>
    </message>
    <message>
        <source>The payor&apos;s answer could not be read: %1</source>
        <translation>No se pudo leer la respuesta del pagador: %1</translation>
    </message>
    <message>
        <source>The payor is still working on this claim (HTTP 409).</source>
        <translation>El pagador todavía está procesando esta reclamación (HTTP 409).</translation>
    </message>
    <message numerus="yes">
        <source>Not delivered after %n tries: %1. Retry sends it again under the same key, so the payor cannot get it twice.</source>
        <translation>
            <numerusform>No entregada tras %n intento: %1. Reintentar la envía de nuevo con la misma clave, así el pagador no puede recibirla dos veces.</numerusform>
            <numerusform>No entregada tras %n intentos: %1. Reintentar la envía de nuevo con la misma clave, así el pagador no puede recibirla dos veces.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a claim that could not be delivered can be retried.</source>
        <translation>Solo se puede reintentar una reclamación que no se pudo entregar.</translation>
    </message>
    <message>
        <source>The claim no longer exists.</source>
        <translation>La reclamación ya no existe.</translation>
    </message>
    <message>
        <source>Sent again by hand (same key).</source>
        <translation>Enviada de nuevo a mano (misma clave).</translation>
    </message>
</context>
<context>
    <name>ClaimSync</name>
    <message>
        <source>Claim %1: %2</source>
        <translation>Reclamación %1: %2</translation>
    </message>
    <message>
        <source>Claim %1: the payor answered about another claim.</source>
        <translation>Reclamación %1: el pagador respondió sobre otra reclamación.</translation>
    </message>
    <message>
        <source>The payor has no claim %1 (HTTP 404); call the payor, or correct and send the claim again.</source>
        <translation>El pagador no tiene la reclamación %1 (HTTP 404); llame al pagador, o corrija y envíe la reclamación de nuevo.</translation>
    </message>
</context>
<context>
    <name>ClaimValidator</name>
    <message>
        <source>“%1” is not a valid NPI: %2.</source>
        <translation>«%1» no es un NPI válido: %2.</translation>
    </message>
    <message>
        <source>Choose the patient the claim is for.</source>
        <translation>Elija el paciente de la reclamación.</translation>
    </message>
    <message>
        <source>Enter the insurance ID that routes the claim to a payor, such as INS001.</source>
        <translation>Ingrese el ID de seguro que dirige la reclamación a un pagador, como INS001.</translation>
    </message>
    <message>
        <source>No payor is mapped to insurance ID “%1”: check the ID on the card, or ask an administrator to map it to a payor.</source>
        <translation>No hay ningún pagador asignado al ID de seguro «%1»: verifique el ID en la tarjeta o pida a un administrador que lo asigne a un pagador.</translation>
    </message>
    <message>
        <source>Enter the billing provider&apos;s NPI (10 digits).</source>
        <translation>Ingrese el NPI del proveedor de facturación (10 dígitos).</translation>
    </message>
    <message>
        <source>Enter the place of service: two digits, such as 11 for an office.</source>
        <translation>Ingrese el lugar de servicio: dos dígitos, como 11 para un consultorio.</translation>
    </message>
    <message>
        <source>“%1” is not a place of service: %2.</source>
        <translation>«%1» no es un lugar de servicio: %2.</translation>
    </message>
    <message>
        <source>Place of service %1 is not one this desk knows; check it against the CMS list (11 is an office).</source>
        <translation>Esta aplicación no reconoce el lugar de servicio %1; verifíquelo en la lista de CMS (11 es un consultorio).</translation>
    </message>
    <message>
        <source>Enter the date of service.</source>
        <translation>Ingrese la fecha de servicio.</translation>
    </message>
    <message>
        <source>The date of service %1 is in the future; bill a service once it has been given.</source>
        <translation>La fecha de servicio %1 está en el futuro; facture un servicio una vez que se haya prestado.</translation>
    </message>
    <message>
        <source>The coverage was not active on the date of service; the payor will likely deny the claim. Give a reason to submit it anyway.</source>
        <translation>La cobertura no estaba activa en la fecha de servicio; es probable que el pagador rechace la reclamación. Indique un motivo para enviarla de todos modos.</translation>
    </message>
    <message>
        <source>The coverage was not active on the date of service (%1); the payor will likely deny the claim. Give a reason to submit it anyway.</source>
        <translation>La cobertura no estaba activa en la fecha de servicio (%1); es probable que el pagador rechace la reclamación. Indique un motivo para enviarla de todos modos.</translation>
    </message>
    <message>
        <source>The coverage has not been verified active for the date of service. Verify eligibility first, or give a reason to submit the claim anyway.</source>
        <translation>No se ha verificado que la cobertura esté activa en la fecha de servicio. Verifique primero la elegibilidad o indique un motivo para enviar la reclamación de todos modos.</translation>
    </message>
    <message>
        <source>The coverage has not been verified active for the date of service (%1). Verify eligibility first, or give a reason to submit the claim anyway.</source>
        <translation>No se ha verificado que la cobertura esté activa en la fecha de servicio (%1). Verifique primero la elegibilidad o indique un motivo para enviar la reclamación de todos modos.</translation>
    </message>
    <message>
        <source>Add at least one diagnosis (ICD-10-CM), such as J20.9.</source>
        <translation>Agregue al menos un diagnóstico (ICD-10-CM), como J20.9.</translation>
    </message>
    <message>
        <source>A claim carries at most %1 diagnoses; this one has %2.</source>
        <translation>Una reclamación admite como máximo %1 diagnósticos; esta tiene %2.</translation>
    </message>
    <message>
        <source>Enter the ICD-10-CM code of diagnosis %1.</source>
        <translation>Ingrese el código ICD-10-CM del diagnóstico %1.</translation>
    </message>
    <message>
        <source>“%1” is not an ICD-10-CM code: %2.</source>
        <translation>«%1» no es un código ICD-10-CM: %2.</translation>
    </message>
    <message>
        <source>%1 is already diagnosis %2; list each diagnosis once.</source>
        <translation>%1 ya es el diagnóstico %2; indique cada diagnóstico una sola vez.</translation>
    </message>
    <message>
        <source>No service line points at diagnosis %1 (%2); point a line at it or remove it.</source>
        <translation>Ninguna línea de servicio apunta al diagnóstico %1 (%2); haga que una línea apunte a él o elimínelo.</translation>
    </message>
    <message>
        <source>Add at least one service line.</source>
        <translation>Agregue al menos una línea de servicio.</translation>
    </message>
    <message>
        <source>A claim carries at most %1 service lines; this one has %2. Split it into two claims.</source>
        <translation>Una reclamación admite como máximo %1 líneas de servicio; esta tiene %2. Divídala en dos reclamaciones.</translation>
    </message>
    <message>
        <source>Enter the procedure code (CPT or HCPCS) of line %1.</source>
        <translation>Ingrese el código de procedimiento (CPT o HCPCS) de la línea %1.</translation>
    </message>
    <message>
        <source>“%1” is not a CPT or HCPCS code: %2.</source>
        <translation>«%1» no es un código CPT ni HCPCS: %2.</translation>
    </message>
    <message>
        <source>Modifiers of line %1: %2.</source>
        <translation>Modificadores de la línea %1: %2.</translation>
    </message>
    <message>
        <source>Line %1 needs at least 1 unit.</source>
        <translation>La línea %1 necesita al menos 1 unidad.</translation>
    </message>
    <message>
        <source>Line %1 has %2 units; more than %3 is surely a typing slip.</source>
        <translation>La línea %1 tiene %2 unidades; más de %3 es sin duda un error de escritura.</translation>
    </message>
    <message>
        <source>Enter the charge of line %1: more than %2.</source>
        <translation>Ingrese el cargo de la línea %1: más de %2.</translation>
    </message>
    <message>
        <source>The charge of line %1, %2, is over %3; check for a missing decimal point.</source>
        <translation>El cargo de la línea %1, %2, supera %3; verifique si falta un punto decimal.</translation>
    </message>
    <message>
        <source>Point line %1 at the diagnoses it treats (1 to %2).</source>
        <translation>Haga que la línea %1 apunte a los diagnósticos que trata (de 1 a %2).</translation>
    </message>
    <message>
        <source>Line %1 points at %2 diagnoses; a line points at %3 at most.</source>
        <translation>La línea %1 apunta a %2 diagnósticos; una línea apunta como máximo a %3.</translation>
    </message>
    <message>
        <source>Line %1 points at diagnosis %2 twice.</source>
        <translation>La línea %1 apunta dos veces al diagnóstico %2.</translation>
    </message>
    <message>
        <source>The claim&apos;s total, %1, is over %2; check the charges.</source>
        <translation>El total de la reclamación, %1, supera %2; verifique los cargos.</translation>
    </message>
    <message numerus="yes">
        <source>The date of service %1 is past timely filing: the payor had to receive the claim by %2 (%n days after the service).</source>
        <translation>
            <numerusform>La fecha de servicio %1 superó el plazo de presentación: el pagador debía recibir la reclamación a más tardar el %2 (%n día después del servicio).</numerusform>
            <numerusform>La fecha de servicio %1 superó el plazo de presentación: el pagador debía recibir la reclamación a más tardar el %2 (%n días después del servicio).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Line %1 points at diagnosis %2, but the claim lists %n diagnoses.</source>
        <translation>
            <numerusform>La línea %1 apunta al diagnóstico %2, pero la reclamación indica %n diagnóstico.</numerusform>
            <numerusform>La línea %1 apunta al diagnóstico %2, pero la reclamación indica %n diagnósticos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimsConformance</name>
    <message>
        <source>; 835 claims: %1 of %2 read, %3 balance, %4 service lines</source>
        <translation>; reclamaciones 835: %1 de %2 leídas, %3 cuadran, %4 líneas de servicio</translation>
    </message>
    <message>
        <source> (%1 errors, the first: %2)</source>
        <translation> (%1 errores, el primero: %2)</translation>
    </message>
    <message>
        <source>the 835 reader left out %1 claims without saying why</source>
        <translation>el lector de 835 omitió %1 reclamaciones sin indicar por qué</translation>
    </message>
    <message>
        <source>; 837 claims: %1, %2 service lines</source>
        <translation>; reclamaciones 837: %1, %2 líneas de servicio</translation>
    </message>
    <message>
        <source> (%1 with a total that is not the sum of their lines)</source>
        <translation> (%1 con un total que no es la suma de sus líneas)</translation>
    </message>
    <message>
        <source>the 837 reader found no claim (CLM) in it</source>
        <translation>el lector de 837 no encontró ninguna reclamación (CLM) en él</translation>
    </message>
</context>
<context>
    <name>ClaimsPage</name>
    <message>
        <source>&amp;New Claim…</source>
        <translation>&amp;Nueva reclamación…</translation>
    </message>
    <message>
        <source>&amp;Open Claim</source>
        <translation>Abr&amp;ir reclamación</translation>
    </message>
    <message>
        <source>&amp;Retry Sending</source>
        <translation>Reinten&amp;tar envío</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Sincroni&amp;zar ahora</translation>
    </message>
    <message>
        <source>&amp;Import Remittance…</source>
        <translation>I&amp;mportar remesa…</translation>
    </message>
    <message>
        <source>Export &amp;837P…</source>
        <translation>Exportar &amp;837P…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Open (waiting on the payor)</source>
        <translation>Abiertas (esperando al pagador)</translation>
    </message>
    <message>
        <source>Needs attention (rejected, denied, error)</source>
        <translation>Requieren atención (rechazadas, denegadas, error)</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>All payers</source>
        <translation>Todos los pagadores</translation>
    </message>
    <message>
        <source>Dates of service</source>
        <translation>Fechas de servicio</translation>
    </message>
    <message>
        <source>Any date of service</source>
        <translation>Cualquier fecha de servicio</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Entre…</translation>
    </message>
    <message>
        <source>Dates of service from</source>
        <translation>Fechas de servicio desde</translation>
    </message>
    <message>
        <source>Dates of service to</source>
        <translation>Fechas de servicio hasta</translation>
    </message>
    <message>
        <source>Patient (last name first) or claim ID</source>
        <translation>Paciente (apellido primero) o ID de reclamación</translation>
    </message>
    <message>
        <source>Search claims</source>
        <translation>Buscar reclamaciones</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <source>Pa&amp;yer:</source>
        <translation>Pa&amp;gador:</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>&amp;Fechas:</translation>
    </message>
    <message>
        <source>Se&amp;arch:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Reclamaciones</translation>
    </message>
    <message>
        <source>Asking the payor about open claims…</source>
        <translation>Consultando al pagador por las reclamaciones abiertas…</translation>
    </message>
    <message numerus="yes">
        <source>Synced at %1: asked about %n open claims</source>
        <translation>
            <numerusform>Sincronizado a las %1: se consultó por %n reclamación abierta</numerusform>
            <numerusform>Sincronizado a las %1: se consultó por %n reclamaciones abiertas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed.</source>
        <translation>
            <numerusform>%n cambió.</numerusform>
            <numerusform>%n cambiaron.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Remittance (835)</source>
        <translation>Importar remesa (835)</translation>
    </message>
    <message>
        <source>Remittance files (*.835 *.edi *.txt *.x12);;All files (*)</source>
        <translation>Archivos de remesa (*.835 *.edi *.txt *.x12);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export 837P</source>
        <translation>Exportar 837P</translation>
    </message>
    <message>
        <source>837 files (*.837 *.edi *.txt)</source>
        <translation>Archivos 837 (*.837 *.edi *.txt)</translation>
    </message>
    <message>
        <source>Export Claims as CSV</source>
        <translation>Exportar reclamaciones como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturado</translation>
    </message>
    <message>
        <source>Claims by status</source>
        <translation>Reclamaciones por estado</translation>
    </message>
    <message>
        <source>Open claims</source>
        <translation>Reclamaciones abiertas</translation>
    </message>
    <message>
        <source>0–30</source>
        <translation>0–30</translation>
    </message>
    <message>
        <source>31–60</source>
        <translation>31–60</translation>
    </message>
    <message>
        <source>61–90</source>
        <translation>61–90</translation>
    </message>
    <message>
        <source>90+</source>
        <translation>90+</translation>
    </message>
    <message>
        <source>Aging of open claims</source>
        <translation>Antigüedad de las reclamaciones abiertas</translation>
    </message>
    <message numerus="yes">
        <source>%n claims</source>
        <translation>
            <numerusform>%n reclamación</numerusform>
            <numerusform>%n reclamaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>billed %1 · allowed %2 · paid %3 · patient responsibility %4</source>
        <translation>facturado %1 · permitido %2 · pagado %3 · responsabilidad del paciente %4</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n remittances read</source>
        <translation>
            <numerusform>%n remesa leída</numerusform>
            <numerusform>%n remesas leídas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n applied to our claims</source>
        <translation>
            <numerusform>%n aplicada a nuestras reclamaciones</numerusform>
            <numerusform>%n aplicadas a nuestras reclamaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not ours (kept)</source>
        <translation>
            <numerusform>%n no es nuestra (guardada)</numerusform>
            <numerusform>%n no son nuestras (guardadas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not balanced</source>
        <translation>
            <numerusform>%n no cuadra</numerusform>
            <numerusform>%n no cuadran</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims written to %1 (837P).</source>
        <translation>
            <numerusform>%n reclamación escrita en %1 (837P).</numerusform>
            <numerusform>%n reclamaciones escritas en %1 (837P).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims written to %1.</source>
        <translation>
            <numerusform>%n reclamación escrita en %1.</numerusform>
            <numerusform>%n reclamaciones escritas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open claims by age</source>
        <translation>Reclamaciones abiertas por antigüedad</translation>
    </message>
    <message>
        <source>days since the date of service</source>
        <translation>días desde la fecha de servicio</translation>
    </message>
</context>
<context>
    <name>ClinicEvents</name>
    <message>
        <source>The event lacks the visit&apos;s id, MRN or start.</source>
        <translation>Al evento le falta el identificador de la cita, el MRN o la hora de inicio.</translation>
    </message>
    <message>
        <source>No patient with MRN %1 on this desk yet; it is tried again when the patient arrives.</source>
        <translation>Todavía no hay ningún paciente con el MRN %1 en este puesto; se volverá a intentar cuando llegue el paciente.</translation>
    </message>
    <message>
        <source>The event lacks the patient&apos;s MRN.</source>
        <translation>Al evento le falta el MRN del paciente.</translation>
    </message>
    <message>
        <source>MRN %1 belongs to another patient on this desk (a different date of birth); check both charts before changing either.</source>
        <translation>El MRN %1 pertenece a otro paciente en este puesto (con otra fecha de nacimiento); revise ambas fichas antes de cambiar ninguna.</translation>
    </message>
</context>
<context>
    <name>ClinicalRecord</name>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Vital Signs</source>
        <translation>Signos vitales</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Procedimientos</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
</context>
<context>
    <name>ClinicalRecordHtml</name>
    <message>
        <source>No information (the document says %1).</source>
        <translation>Sin información (el documento indica %1).</translation>
    </message>
    <message>
        <source>This section has no text; its coded entries are below.</source>
        <translation>Esta sección no tiene texto; sus entradas codificadas aparecen abajo.</translation>
    </message>
    <message>
        <source>Coded entry</source>
        <translation>Entrada codificada</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>No coded entries: only the text above says what this section holds.</source>
        <translation>No hay entradas codificadas: solo el texto de arriba indica lo que contiene esta sección.</translation>
    </message>
    <message numerus="yes">
        <source>Show all of %1 (%n entries)</source>
        <translation>
            <numerusform>Mostrar todo: %1 (%n entrada)</numerusform>
            <numerusform>Mostrar todo: %1 (%n entradas)</numerusform>
        </translation>
    </message>
    <message>
        <source>, born %1</source>
        <translation>, fecha de nacimiento: %1</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Paciente: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Fecha: %1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Tipo: %1</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>Autor: %1</translation>
    </message>
    <message>
        <source>Custodian: %1</source>
        <translation>Custodio: %1</translation>
    </message>
    <message>
        <source>Replaces document %1</source>
        <translation>Reemplaza el documento %1</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>%1 — referenced, not included: %2</source>
        <translation>%1 — referenciado, no incluido: %2</translation>
    </message>
    <message>
        <source>%1 — included (%2 KB); use Open Attachment</source>
        <translation>%1 — incluido (%2 KB); use Abrir adjunto</translation>
    </message>
    <message>
        <source>About this document</source>
        <translation>Acerca de este documento</translation>
    </message>
</context>
<context>
    <name>ClinicalSummary</name>
    <message>
        <source>has text but no coded entries: read the text, it is not in the summary</source>
        <translation>tiene texto, pero no entradas codificadas: lea el texto, no está en el resumen</translation>
    </message>
    <message>
        <source>has coded entries but no text</source>
        <translation>tiene entradas codificadas, pero no texto</translation>
    </message>
</context>
<context>
    <name>ClinicalSummaryHtml</name>
    <message>
        <source>Outside Records Summary</source>
        <translation>Resumen de registros externos</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>fecha de nacimiento: %1</translation>
    </message>
    <message>
        <source>MRN %1</source>
        <translation>MRN %1</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>None found.</source>
        <translation>No se encontró nada.</translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>Sin alergias conocidas</translation>
    </message>
    <message>
        <source>Read the documents too</source>
        <translation>Lea también los documentos</translation>
    </message>
    <message>
        <source>%1, section “%2”: %3</source>
        <translation>%1, sección “%2”: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n entries could not be read; they are shown in the documents.</source>
        <translation>
            <numerusform>No se pudo leer %n entrada; se muestra en los documentos.</numerusform>
            <numerusform>No se pudieron leer %n entradas; se muestran en los documentos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · printed %2 · from %n documents of the health information network; the Chart column compares each allergy, active medication and active problem with the clinic&apos;s own chart.</source>
        <translation>
            <numerusform>%1 · impreso el %2 · de %n documento de la red de información de salud; la columna Historia clínica compara cada alergia, medicamento activo y problema activo con la historia clínica propia de la clínica.</numerusform>
            <numerusform>%1 · impreso el %2 · de %n documentos de la red de información de salud; la columna Historia clínica compara cada alergia, medicamento activo y problema activo con la historia clínica propia de la clínica.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · printed %2 · from %n documents of the health information network; not compared with the clinic&apos;s own chart.</source>
        <translation>
            <numerusform>%1 · impreso el %2 · de %n documento de la red de información de salud; sin comparar con la historia clínica propia de la clínica.</numerusform>
            <numerusform>%1 · impreso el %2 · de %n documentos de la red de información de salud; sin comparar con la historia clínica propia de la clínica.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Historia clínica</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>This clinic&apos;s chart</source>
        <translation>Historia clínica de esta clínica</translation>
    </message>
</context>
<context>
    <name>ClinicalSummaryModel</name>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Active Medications</source>
        <translation>Medicamentos activos</translation>
    </message>
    <message>
        <source>Active Problems</source>
        <translation>Problemas activos</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Recent Results</source>
        <translation>Resultados recientes</translation>
    </message>
    <message>
        <source>Recent Vital Signs</source>
        <translation>Signos vitales recientes</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: none found</source>
        <translation>%1: no se encontró nada</translation>
    </message>
    <message numerus="yes">
        <source>From %n documents</source>
        <translation>
            <numerusform>De %n documento</numerusform>
            <numerusform>De %n documentos</numerusform>
        </translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origen</translation>
    </message>
</context>
<context>
    <name>ClinicalText</name>
    <message>
        <source>No known allergies</source>
        <translation>Sin alergias conocidas</translation>
    </message>
    <message>
        <source>No known medications</source>
        <translation>Sin medicamentos conocidos</translation>
    </message>
    <message>
        <source>No known problems</source>
        <translation>Sin problemas conocidos</translation>
    </message>
    <message>
        <source>None known</source>
        <translation>Nada conocido</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>No se pudo leer</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>No se pudo leer: %1</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Not given: %1</source>
        <translation>No administrada: %1</translation>
    </message>
    <message>
        <source>Ruled out: %1</source>
        <translation>Descartado: %1</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>No realizado: %1</translation>
    </message>
    <message>
        <source>criticality %1</source>
        <translation>criticidad %1</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>motivo: %1</translation>
    </message>
    <message>
        <source>lot %1</source>
        <translation>lote %1</translation>
    </message>
    <message>
        <source>range %1</source>
        <translation>rango %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
</context>
<context>
    <name>CollectToday</name>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Cannot be worked out</source>
        <translation>No se puede calcular</translation>
    </message>
    <message>
        <source>Copay</source>
        <translation>Copago</translation>
    </message>
    <message>
        <source>Deductible estimate</source>
        <translation>Estimación del deducible</translation>
    </message>
    <message>
        <source>Coinsurance estimate</source>
        <translation>Estimación del coseguro</translation>
    </message>
    <message>
        <source>Out-of-pocket maximum reached</source>
        <translation>Gastos máximos de bolsillo alcanzados</translation>
    </message>
    <message>
        <source>no visit today, office visit assumed</source>
        <extracomment>How the visit type was chosen, inside the explanation of what to collect</extracomment>
        <translation>no hay consulta hoy; se supone una consulta en el consultorio</translation>
    </message>
    <message>
        <source>%1, not in Settings, office visit assumed</source>
        <translation>%1, no está en Configuración; se supone una consulta en el consultorio</translation>
    </message>
    <message>
        <source>Not verified: verify the insurance to work out what to collect.</source>
        <translation>Sin verificar: verifique el seguro para calcular cuánto cobrar.</translation>
    </message>
    <message>
        <source>The coverage is not active: the plan pays no share to work out.</source>
        <translation>La cobertura no está activa: el plan no paga ninguna parte que se pueda calcular.</translation>
    </message>
    <message>
        <source>The payer did not answer with benefits.</source>
        <translation>El pagador no respondió con información de beneficios.</translation>
    </message>
    <message>
        <source>No benefits returned: the payer stated no copay, deductible or coinsurance.</source>
        <translation>No se recibieron beneficios: el pagador no indicó copago, deducible ni coseguro.</translation>
    </message>
    <message>
        <source>The out-of-pocket maximum is reached: the plan pays the rest (%1, visit type: %2).</source>
        <translation>Se alcanzaron los gastos máximos de bolsillo: el plan paga el resto (%1, tipo de consulta: %2).</translation>
    </message>
    <message>
        <source>Capped at the %1 left of the out-of-pocket maximum.</source>
        <extracomment>Added when the amount is limited by the out-of-pocket maximum</extracomment>
        <translation>Limitado a los %1 que quedan de los gastos máximos de bolsillo.</translation>
    </message>
    <message>
        <source>In-network copay for %1 (visit type: %2).</source>
        <translation>Copago dentro de la red para %1 (tipo de consulta: %2).</translation>
    </message>
    <message>
        <source>The payer stated no copay, deductible or coinsurance for %1 (visit type: %2).</source>
        <translation>El pagador no indicó copago, deducible ni coseguro para %1 (tipo de consulta: %2).</translation>
    </message>
    <message>
        <source>No copay for %1 (visit type: %2), and the payer did not say how much of the deductible is left.</source>
        <translation>No hay copago para %1 (tipo de consulta: %2), y el pagador no indicó cuánto queda del deducible.</translation>
    </message>
    <message>
        <source>No copay for %1 (visit type: %2), and no expected charge for it in Settings.</source>
        <translation>No hay copago para %1 (tipo de consulta: %2), y en Configuración no hay un cargo previsto para ese tipo de consulta.</translation>
    </message>
    <message>
        <source>No copay for %1 (visit type: %2); estimated from the expected charge of %3.</source>
        <translation>No hay copago para %1 (tipo de consulta: %2); se estimó a partir del cargo previsto de %3.</translation>
    </message>
    <message>
        <source>%1 toward the deductible (%2 left).</source>
        <translation>%1 para el deducible (quedan %2).</translation>
    </message>
    <message>
        <source>The deductible is met.</source>
        <translation>Se alcanzó el deducible.</translation>
    </message>
    <message>
        <source>%1 coinsurance on the other %2: %3.</source>
        <translation>Coseguro de %1 sobre los %2 restantes: %3.</translation>
    </message>
    <message>
        <source>No coinsurance stated: the plan pays the other %1.</source>
        <translation>No se indicó coseguro: el plan paga los %1 restantes.</translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <source>Primary</source>
        <translation>Primaria</translation>
    </message>
    <message>
        <source>Secondary</source>
        <translation>Secundaria</translation>
    </message>
    <message>
        <source>Tertiary</source>
        <translation>Terciaria</translation>
    </message>
</context>
<context>
    <name>CoverageForm</name>
    <message>
        <source>&amp;Member ID:</source>
        <translation>Número de &amp;miembro:</translation>
    </message>
    <message>
        <source>As printed on the card</source>
        <translation>Tal como aparece en la tarjeta</translation>
    </message>
    <message>
        <source>&amp;Group number:</source>
        <translation>Número de gr&amp;upo:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>&amp;Orden:</translation>
    </message>
    <message>
        <source>Subscriber (the policy holder)</source>
        <translation>Asegurado titular (a nombre de quien está la póliza)</translation>
    </message>
    <message>
        <source>Subscriber se&amp;x:</source>
        <translation>Se&amp;xo del titular:</translation>
    </message>
    <message>
        <source>Self (patient is the subscriber)</source>
        <translation>El propio paciente (es el titular)</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Hijo/a</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>Cónyuge</translation>
    </message>
    <message>
        <source>Other dependent</source>
        <translation>Otro dependiente</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Payer: choose the payer from the list.</source>
        <translation>Pagador: elija el pagador de la lista.</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>Número de miembro</translation>
    </message>
    <message>
        <source>Group number</source>
        <translation>Número de grupo</translation>
    </message>
    <message>
        <source>Subscriber first name</source>
        <translation>Nombre del titular</translation>
    </message>
    <message>
        <source>Subscriber last name</source>
        <translation>Apellido del titular</translation>
    </message>
    <message>
        <source>Subscriber date of birth</source>
        <translation>Fecha de nacimiento del titular</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Save the coverage and ask the payer (Ctrl+Enter)</source>
        <translation>Guardar la cobertura y consultar al pagador (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>P&amp;ayer:</source>
        <translation>Pa&amp;gador:</translation>
    </message>
    <message>
        <source>Pla&amp;n name:</source>
        <translation>Nombre del p&amp;lan:</translation>
    </message>
    <message>
        <source>Patien&amp;t is the subscriber&apos;s:</source>
        <translation>Relación del paciente con el &amp;titular:</translation>
    </message>
    <message>
        <source>S&amp;ubscriber first name:</source>
        <translation>Nom&amp;bre del titular:</translation>
    </message>
    <message>
        <source>Su&amp;bscriber last name:</source>
        <translation>Apell&amp;ido del titular:</translation>
    </message>
    <message>
        <source>Subscriber &amp;date of birth:</source>
        <translation>Fec&amp;ha de nacimiento del titular:</translation>
    </message>
    <message>
        <source>&amp;Service type:</source>
        <translation>Tipo de &amp;servicio:</translation>
    </message>
    <message>
        <source>New &amp;Coverage</source>
        <translation>Nueva &amp;cobertura</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Verif&amp;y Insurance</source>
        <translation>Ve&amp;rificar seguro</translation>
    </message>
    <message>
        <source>Save the coverage and verify it</source>
        <translation>Guardar la cobertura y verificarla</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Save the coverage</source>
        <translation>Guardar la cobertura</translation>
    </message>
    <message>
        <source>Save the coverage without verifying it (Ctrl+S)</source>
        <translation>Guardar la cobertura sin verificarla (Ctrl+S)</translation>
    </message>
    <message>
        <source>Type the date as %1.</source>
        <translation>Escriba la fecha con el formato %1.</translation>
    </message>
    <message>
        <source>%1 (%2, new)</source>
        <extracomment>A payer named by the insurance answer that is not in the payer list yet</extracomment>
        <translation>%1 (%2, nuevo)</translation>
    </message>
    <message>
        <source>Choose the payer for %1 from the list.</source>
        <translation>Elija de la lista el pagador de %1.</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactiva)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>Número de miembro</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last Verified</source>
        <translation>Última verificación</translation>
    </message>
    <message>
        <source>The payer has not answered about this coverage yet</source>
        <translation>El pagador aún no ha respondido sobre esta cobertura</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 Days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 Days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Verifications</source>
        <translation>Verificaciones</translation>
    </message>
    <message>
        <source>Finished verifications; pending and cancelled ones are not counted</source>
        <translation>Verificaciones terminadas; no se cuentan las pendientes ni las canceladas</translation>
    </message>
    <message>
        <source>Success Rate</source>
        <translation>Tasa de éxito</translation>
    </message>
    <message>
        <source>Failure Rate</source>
        <translation>Tasa de fallas</translation>
    </message>
    <message>
        <source>Share of verifications rejected by the payer or not answered</source>
        <translation>Porcentaje de verificaciones que el pagador rechazó o que no recibieron respuesta</translation>
    </message>
    <message>
        <source>Average Response</source>
        <translation>Tiempo de respuesta promedio</translation>
    </message>
    <message>
        <source>Mean time from request to answer, automatic retries included</source>
        <translation>Tiempo promedio desde la solicitud hasta la respuesta, incluidos los reintentos automáticos</translation>
    </message>
    <message>
        <source>95th Percentile Response</source>
        <translation>Tiempo de respuesta (percentil 95)</translation>
    </message>
    <message>
        <source>95 of 100 verifications were answered at least this fast</source>
        <translation>95 de cada 100 verificaciones se respondieron en este tiempo o menos</translation>
    </message>
    <message>
        <source>No verifications in this period</source>
        <translation>No hay verificaciones en este período</translation>
    </message>
    <message>
        <source>Recent &amp;Activity</source>
        <translation>&amp;Actividad reciente</translation>
    </message>
    <message>
        <source>Status Breakdown</source>
        <translation>Desglose por estado</translation>
    </message>
    <message>
        <source>Status breakdown chart</source>
        <translation>Gráfico del desglose por estado</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fallas</translation>
    </message>
    <message>
        <source>Most Common Rejection Reasons</source>
        <translation>Motivos de rechazo más frecuentes</translation>
    </message>
    <message>
        <source>Most common rejection reasons chart</source>
        <translation>Gráfico de los motivos de rechazo más frecuentes</translation>
    </message>
    <message>
        <source>No failed verifications in this period</source>
        <translation>No hay verificaciones fallidas en este período</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Actualizado: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Status chart legend: %1 status name, %2 number of verifications</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <extracomment>Response time in milliseconds</extracomment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>Response time in seconds</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>Percentage; %1 is a number like 97.5</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>All Verifications</source>
        <translation>Todas las verificaciones</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidas</translation>
    </message>
    <message>
        <source>Needs Review</source>
        <translation>Requieren revisión</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificadas</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Canceladas</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Perí&amp;odo:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>Reload what needs action, the figures and the recent activity (F5)</source>
        <translation>Volver a cargar lo que requiere atención, las cifras y la actividad reciente (F5)</translation>
    </message>
    <message>
        <source>Share of verifications where the payer confirmed the coverage, including those that need review</source>
        <translation>Porcentaje de verificaciones en las que el pagador confirmó la cobertura, incluidas las que requieren revisión</translation>
    </message>
    <message>
        <source>Inactive Rate</source>
        <translation>Tasa de inactivas</translation>
    </message>
    <message>
        <source>Share of verifications where the payer answered that the coverage is not active</source>
        <translation>Porcentaje de verificaciones en las que el pagador respondió que la cobertura no está activa</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivas</translation>
    </message>
    <message>
        <source>&amp;Needs Action Today</source>
        <translation>&amp;Necesitan atención hoy</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Needs Action Today (%n)</source>
        <extracomment>Heading of the dashboard&apos;s action list; %n patients need action (0 shows no number)</extracomment>
        <translation>
            <numerusform>&amp;Necesita atención hoy (%n)</numerusform>
            <numerusform>&amp;Necesitan atención hoy (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing needs action today</source>
        <translation>Nada requiere atención hoy</translation>
    </message>
</context>
<context>
    <name>DatabaseEncryption</name>
    <message>
        <source>The database %1 could not be encrypted (%2: %3). It was left as it was, unencrypted.</source>
        <translation>No se pudo cifrar la base de datos %1 (%2: %3). Quedó como estaba, sin cifrar.</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>comprobación</translation>
    </message>
    <message>
        <source>it is not an unencrypted SQLite database</source>
        <translation>no es una base de datos SQLite sin cifrar</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>apertura</translation>
    </message>
    <message>
        <source>counting rows</source>
        <translation>recuento de filas</translation>
    </message>
    <message>
        <source>folding the write-ahead log</source>
        <translation>incorporación del registro de escritura anticipada</translation>
    </message>
    <message>
        <source>leaving write-ahead logging</source>
        <translation>salida del modo de escritura anticipada</translation>
    </message>
    <message>
        <source>making the backup copy</source>
        <translation>copia de seguridad</translation>
    </message>
    <message>
        <source>checking the backup copy</source>
        <translation>comprobación de la copia de seguridad</translation>
    </message>
    <message>
        <source>The database %1 could not be encrypted (%2: %3), and the backup copy %4 could not be put back. Rename %4 to %1 before starting ClinicDesk again.</source>
        <translation>No se pudo cifrar la base de datos %1 (%2: %3) y no se pudo restaurar la copia de seguridad %4. Cambie el nombre de %4 a %1 antes de volver a iniciar ClinicDesk.</translation>
    </message>
    <message>
        <source>encrypting</source>
        <translation>cifrado</translation>
    </message>
    <message>
        <source>reopening with the key</source>
        <translation>nueva apertura con la clave</translation>
    </message>
    <message>
        <source>checking the encrypted file</source>
        <translation>comprobación del archivo cifrado</translation>
    </message>
    <message>
        <source>comparing rows</source>
        <translation>comparación de filas</translation>
    </message>
    <message>
        <source>returning to write-ahead logging</source>
        <translation>vuelta al modo de escritura anticipada</translation>
    </message>
    <message>
        <source>it still reads as plaintext</source>
        <translation>todavía se lee sin cifrar</translation>
    </message>
    <message>
        <source>The database key of %1 could not be changed (%2: %3).</source>
        <translation>No se pudo cambiar la clave de la base de datos %1 (%2: %3).</translation>
    </message>
    <message>
        <source>reopening with the new key</source>
        <translation>nueva apertura con la clave nueva</translation>
    </message>
</context>
<context>
    <name>DatabaseKey</name>
    <message>
        <source>The database key file %1 does not exist. The database cannot be read without it: put the key file back from where it was kept.</source>
        <translation>El archivo de clave de la base de datos %1 no existe. Sin él no se puede leer la base de datos: vuelva a colocar el archivo de clave desde donde se guardó.</translation>
    </message>
    <message>
        <source>The database key file %1 may be read by other users of this computer, so it is not used. Make it readable by its owner only (chmod 600).</source>
        <translation>Otros usuarios de este equipo pueden leer el archivo de clave de la base de datos %1, así que no se usa. Haga que solo su propietario pueda leerlo (chmod 600).</translation>
    </message>
    <message>
        <source>The database key file %1 does not hold a key (64 hexadecimal digits).</source>
        <translation>El archivo de clave de la base de datos %1 no contiene una clave (64 dígitos hexadecimales).</translation>
    </message>
    <message>
        <source>No random database key could be made (libsodium did not start).</source>
        <translation>No se pudo crear una clave aleatoria para la base de datos (libsodium no se inició).</translation>
    </message>
    <message>
        <source>The database key cannot be protected: libsodium did not start.</source>
        <translation>No se puede proteger la clave de la base de datos: libsodium no se inició.</translation>
    </message>
    <message>
        <source>The database key must be 64 hexadecimal digits.</source>
        <translation>La clave de la base de datos debe tener 64 dígitos hexadecimales.</translation>
    </message>
    <message>
        <source>The database key cannot be protected: not enough memory for Argon2id.</source>
        <translation>No se puede proteger la clave de la base de datos: no hay memoria suficiente para Argon2id.</translation>
    </message>
    <message>
        <source>The database key cannot be read: libsodium did not start.</source>
        <translation>No se puede leer la clave de la base de datos: libsodium no se inició.</translation>
    </message>
    <message>
        <source>The database key file %1 is damaged (%2). Restore it from the backup kept with the database&apos;s.</source>
        <translation>El archivo de clave de la base de datos %1 está dañado (%2). Restáurelo desde la copia guardada con la de la base de datos.</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>formato desconocido</translation>
    </message>
    <message>
        <source>Argon2id parameters out of range</source>
        <translation>parámetros de Argon2id fuera de rango</translation>
    </message>
    <message>
        <source>wrong field sizes</source>
        <translation>tamaños de campo incorrectos</translation>
    </message>
    <message>
        <source>The database key cannot be read: not enough memory for Argon2id.</source>
        <translation>No se puede leer la clave de la base de datos: no hay memoria suficiente para Argon2id.</translation>
    </message>
    <message>
        <source>The database passphrase is wrong. Nothing was opened or changed.</source>
        <translation>La frase de contraseña de la base de datos es incorrecta. No se abrió ni se cambió nada.</translation>
    </message>
    <message>
        <source>The database passphrase must have at least %1 characters.</source>
        <translation>La frase de contraseña de la base de datos debe tener al menos %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>DateFormats</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/AAAA</translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation>MM/DD/AAAA</translation>
    </message>
</context>
<context>
    <name>DeskContext</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>No se puede crear la carpeta de datos %1.</translation>
    </message>
    <message>
        <source>The training sandbox did not start: %1</source>
        <translation>No se pudo iniciar el entorno de capacitación: %1</translation>
    </message>
    <message>
        <source>The training data could not be created: %1</source>
        <translation>No se pudieron crear los datos de capacitación: %1</translation>
    </message>
    <message>
        <source>The training hub did not start: %1</source>
        <translation>El hub de formación no se inició: %1</translation>
    </message>
    <message>
        <source>The training users could not be created: %1</source>
        <translation>No se pudieron crear los usuarios de práctica: %1</translation>
    </message>
    <message>
        <source>The key of this desk&apos;s database (%1) is missing.</source>
        <translation>Falta la clave de la base de datos de este puesto (%1).</translation>
    </message>
    <message>
        <source>This desk&apos;s database is protected by the clinic&apos;s database passphrase: set CLINICDESK_DB_PASSPHRASE for commands run without a window.</source>
        <translation>La base de datos de este puesto está protegida por la frase de contraseña de la clínica: defina CLINICDESK_DB_PASSPHRASE para los comandos que se ejecutan sin ventana.</translation>
    </message>
    <message>
        <source>The database passphrase was not given, so the database stays closed.</source>
        <translation>No se indicó la frase de contraseña de la base de datos, así que la base de datos sigue cerrada.</translation>
    </message>
    <message>
        <source>The training database has no passphrase: its key is kept in a file.</source>
        <translation>La base de datos de formación no tiene frase de contraseña: su clave se guarda en un archivo.</translation>
    </message>
    <message>
        <source>The key file %1 does not belong to the open database; nothing was changed.</source>
        <translation>El archivo de clave %1 no corresponde a la base de datos abierta; no se cambió nada.</translation>
    </message>
    <message>
        <source>The database passphrase must have at least %1 characters.</source>
        <translation>La frase de contraseña de la base de datos debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The desk&apos;s keys could not be read from the database: %1</source>
        <translation>No se pudieron leer las claves del puesto desde la base de datos: %1</translation>
    </message>
    <message>
        <source>The key kept in the keychain does not open this desk&apos;s database, so it was removed from the keychain. Start ClinicDesk again and type the clinic&apos;s database passphrase.</source>
        <translation>La clave guardada en el llavero no abre la base de datos de este puesto, así que se quitó del llavero. Vuelva a iniciar ClinicDesk y escriba la frase de contraseña de la base de datos de la clínica.</translation>
    </message>
</context>
<context>
    <name>DeskSettings</name>
    <message>
        <source>Clearinghouse address: enter a full https:// address, or leave it empty for training mode.</source>
        <translation>Dirección de la cámara de compensación: escriba una dirección https:// completa o déjela vacía para el modo de capacitación.</translation>
    </message>
    <message>
        <source>Clinic name: required (it is printed on every report).</source>
        <translation>Nombre de la clínica: obligatorio (se imprime en todos los informes).</translation>
    </message>
    <message>
        <source>Clinic NPI: %1</source>
        <translation>NPI de la clínica: %1</translation>
    </message>
    <message>
        <source>Clinic phone: %1</source>
        <translation>Teléfono de la clínica: %1</translation>
    </message>
    <message>
        <source>Timeout: between 5 and 120 seconds.</source>
        <translation>Tiempo de espera: entre 5 y 120 segundos.</translation>
    </message>
    <message>
        <source>Tries: between 1 and 5.</source>
        <translation>Intentos: entre 1 y 5.</translation>
    </message>
    <message>
        <source>Reuse answers for: between 0 and 72 hours.</source>
        <translation>Reutilizar respuestas durante: entre 0 y 72 horas.</translation>
    </message>
    <message>
        <source>Answers expire after: between 1 and 365 days.</source>
        <translation>Las respuestas vencen después de: entre 1 y 365 días.</translation>
    </message>
    <message>
        <source>Office visit charge: between $0.00 and $100,000.00.</source>
        <translation>Cargo por consulta en el consultorio: entre $0.00 y $100,000.00.</translation>
    </message>
    <message>
        <source>Visit fees: every row needs a visit type.</source>
        <translation>Tarifas de consulta: cada fila debe tener un tipo de consulta.</translation>
    </message>
    <message>
        <source>Visit fees: %1 is listed twice.</source>
        <translation>Tarifas de consulta: %1 aparece dos veces.</translation>
    </message>
    <message>
        <source>Visit fees: %1 needs an X12 service type code such as 98.</source>
        <translation>Tarifas de consulta: %1 necesita un código de tipo de servicio X12, como 98.</translation>
    </message>
    <message>
        <source>Visit fees: the charge for %1 must be between $0.00 and $100,000.00.</source>
        <translation>Tarifas de consulta: el cargo de %1 debe estar entre $0.00 y $100,000.00.</translation>
    </message>
    <message>
        <source>Hub address: enter a full wss:// address such as wss://hub.example.org/feed, or leave it empty.</source>
        <translation>Dirección del hub: escriba una dirección wss:// completa, como wss://hub.example.org/feed, o déjela vacía.</translation>
    </message>
    <message>
        <source>Hub: enter this desk&apos;s device name and token as listed on the hub.</source>
        <translation>Hub: escriba el nombre y el token de este puesto tal como figuran en el hub.</translation>
    </message>
    <message>
        <source>Payor address: enter a full https:// address, or leave it empty for training mode.</source>
        <translation>Dirección del pagador: ingrese una dirección https:// completa o déjela vacía para el modo de capacitación.</translation>
    </message>
    <message>
        <source>Payor: enter the API key and the provider ID the payor gave you.</source>
        <translation>Pagador: ingrese la clave de API y el ID de proveedor que le dio el pagador.</translation>
    </message>
    <message>
        <source>Timely filing: between 30 and 730 days.</source>
        <translation>Plazo de presentación: entre 30 y 730 días.</translation>
    </message>
    <message>
        <source>Claim sync: every 1 to 60 minutes.</source>
        <translation>Sincronización de reclamaciones: cada 1 a 60 minutos.</translation>
    </message>
    <message>
        <source>Metriport address: enter a full https:// address such as https://api.metriport.com, or leave it empty for training mode.</source>
        <translation>Dirección de Metriport: ingrese una dirección https:// completa, como https://api.metriport.com, o déjela vacía para el modo de capacitación.</translation>
    </message>
    <message>
        <source>Metriport: enter the API key of your Metriport account.</source>
        <translation>Metriport: ingrese la clave de API de su cuenta de Metriport.</translation>
    </message>
    <message>
        <source>Lock the screen after: between 2 and 60 minutes.</source>
        <translation>Bloquear la pantalla tras: entre 2 y 60 minutos.</translation>
    </message>
</context>
<context>
    <name>DocumentFetcher</name>
    <message>
        <source>The network&apos;s link to this data expired before it could be fetched; press Get Outside Records to ask again.</source>
        <translation>El enlace de la red a estos datos venció antes de que se pudieran descargar; pulse Obtener registros externos para volver a solicitarlos.</translation>
    </message>
    <message>
        <source>The network gave no usable address for %1.</source>
        <translation>La red no dio ninguna dirección utilizable para %1.</translation>
    </message>
    <message>
        <source>send the consolidated data</source>
        <translation>enviar los datos consolidados</translation>
    </message>
    <message>
        <source>send %1</source>
        <translation>enviar %1</translation>
    </message>
</context>
<context>
    <name>DocumentViewerDialog</name>
    <message>
        <source>Document — %1</source>
        <translation>Documento — %1</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Untick a section to hide it; Alt+Up and Alt+Down move it</source>
        <translation>Desmarque una sección para ocultarla; Alt+Up y Alt+Down la mueven</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Texto del documento</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>Open &amp;Attachment</source>
        <translation>Abrir &amp;adjunto</translation>
    </message>
    <message>
        <source>Sections:</source>
        <translation>Secciones:</translation>
    </message>
    <message>
        <source>Find in document</source>
        <translation>Buscar en el documento</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>B&amp;uscar:</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>A&amp;mpliar</translation>
    </message>
    <message>
        <source>Zoom Ou&amp;t</source>
        <translation>Re&amp;ducir</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportar PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Outside records are not available on this desk.</source>
        <translation>Los registros externos no están disponibles en este puesto.</translation>
    </message>
    <message numerus="yes">
        <source>Plain text, %n bytes.</source>
        <translation>
            <numerusform>Texto sin formato, %n byte.</numerusform>
            <numerusform>Texto sin formato, %n bytes.</numerusform>
        </translation>
    </message>
    <message>
        <source>This kind of file (%1) cannot be shown here; Export PDF is not available for it either.</source>
        <translation>Este tipo de archivo (%1) no se puede mostrar aquí; tampoco se puede usar Exportar PDF con él.</translation>
    </message>
    <message>
        <source>This document could not be read: %1</source>
        <translation>No se pudo leer este documento: %1</translation>
    </message>
    <message>
        <source>C-CDA document</source>
        <translation>Documento C-CDA</translation>
    </message>
    <message>
        <source>FHIR data</source>
        <translation>Datos FHIR</translation>
    </message>
    <message numerus="yes">
        <source>%n sections</source>
        <translation>
            <numerusform>%n sección</numerusform>
            <numerusform>%n secciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coded entries</source>
        <translation>
            <numerusform>%n entrada codificada</numerusform>
            <numerusform>%n entradas codificadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (shown in red)</source>
        <translation>
            <numerusform>%n no se pudo leer (en rojo)</numerusform>
            <numerusform>%n no se pudieron leer (en rojo)</numerusform>
        </translation>
    </message>
    <message>
        <source>This PDF could not be opened.</source>
        <translation>No se pudo abrir este PDF.</translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n pages.</source>
        <translation>
            <numerusform>PDF, %n página.</numerusform>
            <numerusform>PDF, %n páginas.</numerusform>
        </translation>
    </message>
    <message>
        <source>This image could not be read: %1</source>
        <translation>No se pudo leer esta imagen: %1</translation>
    </message>
    <message>
        <source>Image, %1 × %2 pixels.</source>
        <translation>Imagen, %1 × %2 píxeles.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>Print Document</source>
        <translation>Imprimir documento</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>outside-document-%1.pdf</source>
        <translation>documento-externo-%1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Se exportó a %1.</translation>
    </message>
</context>
<context>
    <name>DuplicateCandidatesPanel</name>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <source>&amp;Not the Same Person</source>
        <translation>No es la misma &amp;persona</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>Fus&amp;ionar…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <source>Close this form and open the selected patient&apos;s record instead</source>
        <translation>Cerrar este formulario y abrir en su lugar el expediente del paciente seleccionado</translation>
    </message>
    <message>
        <source>These are different people: hide the list and go on</source>
        <translation>Son personas distintas: ocultar la lista y continuar</translation>
    </message>
    <message>
        <source>Make the two records one, after you confirm what moves</source>
        <translation>Unir los dos expedientes en uno, después de que usted confirme lo que se traslada</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 is &quot;Likely duplicate&quot; or &quot;Possible duplicate&quot;, %2 the score out of 100</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Possible d&amp;uplicates: this is likely a patient already registered. Open the record, or say they are not the same person.</source>
        <translation>Posibles d&amp;uplicados: probablemente se trata de un paciente ya registrado. Abra el expediente o indique que no es la misma persona.</translation>
    </message>
    <message>
        <source>Possible d&amp;uplicates: this may be a patient already registered.</source>
        <translation>Posibles d&amp;uplicados: es posible que se trate de un paciente ya registrado.</translation>
    </message>
</context>
<context>
    <name>DuplicateScorer</name>
    <message>
        <source>Likely duplicate</source>
        <translation>Duplicado probable</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>Different person</source>
        <translation>Otra persona</translation>
    </message>
    <message>
        <source>same date of birth and sex</source>
        <translation>misma fecha de nacimiento y sexo</translation>
    </message>
    <message>
        <source>same date of birth (sex not recorded)</source>
        <translation>misma fecha de nacimiento (sexo no registrado)</translation>
    </message>
    <message>
        <source>first and last names swapped: %1 / %2</source>
        <extracomment>%1 and %2 are the two names as &quot;First Last&quot;</extracomment>
        <translation>nombre y apellido intercambiados: %1 / %2</translation>
    </message>
    <message>
        <source>first name %1 = %2</source>
        <translation>nombre %1 = %2</translation>
    </message>
    <message>
        <source>nickname: %1 = %2</source>
        <translation>apodo: %1 = %2</translation>
    </message>
    <message>
        <source>nickname: %1 = %2 (%3)</source>
        <translation>apodo: %1 = %2 (%3)</translation>
    </message>
    <message>
        <source>first name %1 ≈ %2 (spelling)</source>
        <translation>nombre %1 ≈ %2 (ortografía)</translation>
    </message>
    <message>
        <source>first initial matches: %1 / %2</source>
        <translation>coincide la inicial del nombre: %1 / %2</translation>
    </message>
    <message>
        <source>last name %1 = %2</source>
        <translation>apellido %1 = %2</translation>
    </message>
    <message>
        <source>last names %1 and %2 have the same parts</source>
        <translation>los apellidos %1 y %2 tienen las mismas partes</translation>
    </message>
    <message>
        <source>last names %1 and %2 share a part</source>
        <translation>los apellidos %1 y %2 comparten una parte</translation>
    </message>
    <message>
        <source>last name %1 ≈ %2 (spelling)</source>
        <translation>apellido %1 ≈ %2 (ortografía)</translation>
    </message>
    <message>
        <source>middle name %1 = %2</source>
        <translation>segundo nombre %1 = %2</translation>
    </message>
    <message>
        <source>middle initial %1 / %2</source>
        <translation>inicial del segundo nombre %1 / %2</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>misma dirección</translation>
    </message>
    <message>
        <source>same street address</source>
        <translation>misma dirección postal</translation>
    </message>
    <message>
        <source>same ZIP code</source>
        <translation>mismo código postal</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>mismo teléfono</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>mismo correo electrónico</translation>
    </message>
    <message>
        <source>same insurance member ID</source>
        <translation>mismo número de miembro del seguro</translation>
    </message>
    <message>
        <source>same MRN</source>
        <translation>mismo MRN</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>The clearinghouse is unavailable (HTTP %1). Try again in a few minutes.</source>
        <translation>La cámara de compensación no está disponible (HTTP %1). Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>The clearinghouse refused the request (HTTP %1). Check the clearinghouse address in Settings.</source>
        <translation>La cámara de compensación rechazó la solicitud (HTTP %1). Revise la dirección de la cámara de compensación en Configuración.</translation>
    </message>
    <message>
        <source>Could not reach the clearinghouse: %1. Check the network connection and the address in Settings.</source>
        <translation>No se pudo conectar con la cámara de compensación: %1. Revise la conexión de red y la dirección en Configuración.</translation>
    </message>
    <message>
        <source>Cannot verify: missing %1.</source>
        <translation>No se puede verificar. Falta: %1.</translation>
    </message>
    <message>
        <source>The clearinghouse answer could not be read: %1</source>
        <translation>No se pudo leer la respuesta de la cámara de compensación: %1</translation>
    </message>
    <message>
        <source>%1 Confirm the order of benefits with the patient.</source>
        <translation>%1 Confirme con el paciente el orden de pago de sus seguros.</translation>
    </message>
    <message>
        <source>The payer has the name as %1 %2 (sent %3 %4).</source>
        <translation>El pagador tiene registrado el nombre %1 %2 (se envió %3 %4).</translation>
    </message>
    <message>
        <source>The payer has the date of birth as %1 (sent %2).</source>
        <translation>El pagador tiene registrada la fecha de nacimiento %1 (se envió %2).</translation>
    </message>
    <message>
        <source>The clearinghouse gave up waiting for the request (HTTP 408). Try again in a few minutes.</source>
        <translation>La cámara de compensación dejó de esperar la solicitud (HTTP 408). Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>The clearinghouse is busy (HTTP %1). Try again in a few minutes.</source>
        <translation>La cámara de compensación está ocupada (HTTP %1). Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>The clearinghouse answer is larger than %1 MB, which is not a 271 for one patient. Check the clearinghouse address in Settings.</source>
        <translation>La respuesta de la cámara de compensación supera los %1 MB, un tamaño que no corresponde a un 271 de un solo paciente. Revise la dirección de la cámara de compensación en Configuración.</translation>
    </message>
    <message>
        <source>The clearinghouse address (%1) cannot be used. Check the clearinghouse address in Settings.</source>
        <translation>No se puede usar la dirección de la cámara de compensación (%1). Revise la dirección de la cámara de compensación en Configuración.</translation>
    </message>
    <message>
        <source>The clearinghouse answer is not valid HTTP. Check the clearinghouse address in Settings.</source>
        <translation>La respuesta de la cámara de compensación no es una respuesta HTTP válida. Revise la dirección de la cámara de compensación en Configuración.</translation>
    </message>
    <message numerus="yes">
        <source>The clearinghouse did not answer within %n seconds. Try again in a few minutes.</source>
        <translation>
            <numerusform>La cámara de compensación no respondió en %n segundo. Vuelva a intentarlo en unos minutos.</numerusform>
            <numerusform>La cámara de compensación no respondió en %n segundos. Vuelva a intentarlo en unos minutos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n tries)</source>
        <translation>
            <numerusform>(%n intento)</numerusform>
            <numerusform>(%n intentos)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EligibilityService</name>
    <message>
        <source>ClinicDesk closed before the payer answered. Retry to ask again.</source>
        <translation>ClinicDesk se cerró antes de que el pagador respondiera. Use Reintentar para volver a consultar.</translation>
    </message>
</context>
<context>
    <name>EmergencyAccessDialog</name>
    <message>
        <source>Emergency Access</source>
        <translation>Acceso de emergencia</translation>
    </message>
    <message>
        <source>&amp;Why do you need these records now?</source>
        <translation>¿&amp;Por qué necesita ahora este historial?</translation>
    </message>
    <message>
        <source>For example: patient unwell at the desk, allergies needed for the nurse</source>
        <translation>Por ejemplo: paciente indispuesto en recepción, la enfermera necesita sus alergias</translation>
    </message>
    <message>
        <source>&amp;Open Records</source>
        <translation>&amp;Abrir historial</translation>
    </message>
    <message>
        <source>&lt;p&gt;Medical records are for clinical staff; your role is %1.&lt;/p&gt;&lt;p&gt;In an emergency you may open the medical records of &lt;b&gt;%2&lt;/b&gt; for %3 minutes. Your name, the time and your reason are recorded, and the administrator reviews every emergency access.&lt;/p&gt;</source>
        <translation>&lt;p&gt;El historial médico es para el personal clínico; su función es %1.&lt;/p&gt;&lt;p&gt;En una emergencia puede abrir el historial médico de &lt;b&gt;%2&lt;/b&gt; durante %3 minutos. Se registran su nombre, la hora y el motivo, y el administrador revisa cada acceso de emergencia.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>EventLogDialog</name>
    <message>
        <source>Event Log</source>
        <translation>Registro de eventos</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>Rei&amp;ntentar</translation>
    </message>
    <message>
        <source>Apply the selected failed event again.</source>
        <translation>Volver a aplicar el evento fallido seleccionado.</translation>
    </message>
    <message>
        <source>Received %1 · applied %2 · failed %3 · ignored %4</source>
        <translation>Recibidos %1 · aplicados %2 · fallidos %3 · ignorados %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation>Todavía no hay eventos.</translation>
    </message>
    <message>
        <source>Event Not Retried</source>
        <translation>Evento no reintentado</translation>
    </message>
</context>
<context>
    <name>FhirBundleReader</name>
    <message>
        <source>(no type)</source>
        <translation>(sin tipo)</translation>
    </message>
    <message>
        <source>Attached file %1</source>
        <translation>Archivo adjunto %1</translation>
    </message>
    <message numerus="yes">
        <source>%n %1 resource is not shown</source>
        <translation>
            <numerusform>No se muestra %n recurso %1</numerusform>
            <numerusform>No se muestran %n recursos %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n %1 resources are not shown</source>
        <translation>
            <numerusform>No se muestra %n recurso %1</numerusform>
            <numerusform>No se muestran %n recursos %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle entry has no resource</source>
        <translation>
            <numerusform>%n entrada del paquete no tiene recurso</numerusform>
            <numerusform>%n entradas del paquete no tienen recurso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle entries have no resource</source>
        <translation>
            <numerusform>%n entrada del paquete no tiene recurso</numerusform>
            <numerusform>%n entradas del paquete no tienen recurso</numerusform>
        </translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>edad %1</translation>
    </message>
    <message>
        <source>every second</source>
        <translation>cada segundo</translation>
    </message>
    <message>
        <source>every %1 seconds</source>
        <translation>cada %1 segundos</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>cada minuto</translation>
    </message>
    <message>
        <source>every %1 minutes</source>
        <translation>cada %1 minutos</translation>
    </message>
    <message>
        <source>every hour</source>
        <translation>cada hora</translation>
    </message>
    <message>
        <source>every %1 hours</source>
        <translation>cada %1 horas</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>cada día</translation>
    </message>
    <message>
        <source>every %1 days</source>
        <translation>cada %1 días</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>cada semana</translation>
    </message>
    <message>
        <source>every %1 weeks</source>
        <translation>cada %1 semanas</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>cada mes</translation>
    </message>
    <message>
        <source>every %1 months</source>
        <translation>cada %1 meses</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>cada año</translation>
    </message>
    <message>
        <source>every %1 years</source>
        <translation>cada %1 años</translation>
    </message>
    <message>
        <source>every %1 %2</source>
        <translation>cada %1 %2</translation>
    </message>
    <message>
        <source>%1 times %2</source>
        <translation>%1 veces %2</translation>
    </message>
    <message>
        <source>(sampled data)</source>
        <translation>(datos muestreados)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Why it could not be read</source>
        <translation>Por qué no se pudo leer</translation>
    </message>
    <message>
        <source>The %1 says nothing about what it is (no code).</source>
        <translation>El recurso %1 no indica qué es (no tiene código).</translation>
    </message>
    <message>
        <source>“%1” is not what FHIR allows there.</source>
        <translation>“%1” no es lo que FHIR permite ahí.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>según sea necesario</translation>
    </message>
    <message>
        <source>%1, as needed</source>
        <translation>%1, según sea necesario</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Health concern</source>
        <translation>Preocupación de salud</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>No value</source>
        <translation>Sin valor</translation>
    </message>
    <message>
        <source>Discharge disposition</source>
        <translation>Destino al alta</translation>
    </message>
    <message>
        <source>Reason not done</source>
        <translation>Motivo por el que no se realizó</translation>
    </message>
    <message>
        <source>Body site</source>
        <translation>Sitio anatómico</translation>
    </message>
    <message>
        <source>The content of “%1” is not valid base64 and is not shown.</source>
        <translation>El contenido de “%1” no es base64 válido y no se muestra.</translation>
    </message>
    <message>
        <source>The FHIR data is %1 MB; the most this program reads is %2 MB.</source>
        <translation>Los datos FHIR ocupan %1 MB; este programa lee como máximo %2 MB.</translation>
    </message>
    <message>
        <source>The FHIR data nests objects and arrays more than %1 levels deep; it is not a FHIR resource.</source>
        <translation>Los datos FHIR anidan objetos y matrices a más de %1 niveles de profundidad; no es un recurso FHIR.</translation>
    </message>
    <message>
        <source>The FHIR data is not valid JSON: %1 at byte %2.</source>
        <translation>Los datos FHIR no son JSON válido: %1 en el byte %2.</translation>
    </message>
    <message>
        <source>The JSON is not a FHIR resource: it has no resourceType.</source>
        <translation>El JSON no es un recurso FHIR: no tiene resourceType.</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <source>a string is not written as JSON allows</source>
        <translation>una cadena no está escrita como permite JSON</translation>
    </message>
    <message>
        <source>a number is not written as JSON allows or is too large</source>
        <translation>un número no está escrito como permite JSON o es demasiado grande</translation>
    </message>
    <message>
        <source>a word other than true, false or null stands for a value</source>
        <translation>una palabra distinta de true, false o null ocupa el lugar de un valor</translation>
    </message>
    <message>
        <source>its braces, brackets, commas or colons are out of place</source>
        <translation>sus llaves, corchetes, comas o dos puntos están fuera de lugar</translation>
    </message>
    <message>
        <source>The FHIR data is not valid JSON: %1.</source>
        <translation>Los datos FHIR no son JSON válido: %1.</translation>
    </message>
    <message>
        <source>There is not enough memory to read the FHIR data (%1 MB).</source>
        <translation>No hay memoria suficiente para leer los datos FHIR (%1 MB).</translation>
    </message>
</context>
<context>
    <name>FieldValidation</name>
    <message>
        <source>Required.</source>
        <translation>Obligatorio.</translation>
    </message>
    <message>
        <source>Use at most 60 characters.</source>
        <translation>Use 60 caracteres como máximo.</translation>
    </message>
    <message>
        <source>Use letters, spaces, apostrophes and hyphens only.</source>
        <translation>Use solo letras, espacios, apóstrofos y guiones.</translation>
    </message>
    <message>
        <source>Enter the date of birth.</source>
        <translation>Ingrese la fecha de nacimiento.</translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation>La fecha de nacimiento no puede ser una fecha futura.</translation>
    </message>
    <message>
        <source>The date of birth is more than 130 years ago.</source>
        <translation>La fecha de nacimiento es de hace más de 130 años.</translation>
    </message>
    <message>
        <source>Use the two-letter state code, e.g. OR.</source>
        <translation>Use el código de dos letras del estado, por ejemplo, OR.</translation>
    </message>
    <message>
        <source>Use 5 digits, or 9 as 12345-6789.</source>
        <translation>Use 5 dígitos, o 9 con el formato 12345-6789.</translation>
    </message>
    <message>
        <source>Enter 10 digits, e.g. 541-555-0100.</source>
        <translation>Ingrese 10 dígitos, por ejemplo, 541-555-0100.</translation>
    </message>
    <message>
        <source>Enter an address like name@example.org.</source>
        <translation>Ingrese una dirección como nombre@example.org.</translation>
    </message>
    <message>
        <source>Enter the member ID from the insurance card.</source>
        <translation>Ingrese el número de miembro que aparece en la tarjeta del seguro.</translation>
    </message>
    <message>
        <source>A member ID has 2 to 30 letters and digits.</source>
        <translation>El número de miembro tiene de 2 a 30 letras y dígitos.</translation>
    </message>
    <message>
        <source>A group number has up to 30 letters, digits and dashes.</source>
        <translation>El número de grupo tiene hasta 30 letras, dígitos y guiones.</translation>
    </message>
    <message>
        <source>Enter the 10-digit NPI.</source>
        <translation>Ingrese el NPI de 10 dígitos.</translation>
    </message>
    <message>
        <source>This is not a valid NPI (10 digits with a check digit).</source>
        <translation>Este NPI no es válido (debe tener 10 dígitos, con dígito verificador).</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>%1: %2</source>
        <extracomment>A form error: %1 is the field&apos;s label, %2 what is wrong with it</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>office copay %1</source>
        <translation>copago por consulta %1</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; matches %n patients; give the ID:</source>
        <translation>
            <numerusform>&quot;%1&quot; coincide con %n paciente; indique el ID:</numerusform>
            <numerusform>&quot;%1&quot; coincide con %n pacientes; indique el ID:</numerusform>
        </translation>
    </message>
    <message>
        <source>No patient matches &quot;%1&quot;.</source>
        <translation>Ningún paciente coincide con &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 has no active insurance on file.</source>
        <translation>%1 no tiene ningún seguro activo registrado.</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Informe guardado en %1</translation>
    </message>
    <message>
        <source>Day sheet saved to %1</source>
        <translation>Hoja del día guardada en %1</translation>
    </message>
    <message>
        <source>verified earlier, reused</source>
        <translation>verificación anterior reutilizada</translation>
    </message>
    <message numerus="yes">
        <source>%n attempts</source>
        <translation>
            <numerusform>%n intento</numerusform>
            <numerusform>%n intentos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n coverages for %1</source>
        <translation>
            <numerusform>Verificando %n cobertura de %1</numerusform>
            <numerusform>Verificando %n coberturas de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 active, %2 inactive, %3 need review, %4 rejected, %5 could not verify, %6 not verified</source>
        <translation>%1 activas, %2 inactivas, %3 requieren revisión, %4 rechazadas, %5 no se pudieron verificar, %6 sin verificar</translation>
    </message>
</context>
<context>
    <name>Http</name>
    <message>
        <source>%1 gave up waiting for the request (HTTP 408). Try again in a few minutes.</source>
        <translation>%1 dejó de esperar la solicitud (HTTP 408). Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>Could not reach %1: %2. Check the network connection and the address in Settings.</source>
        <translation>No se pudo conectar con %1: %2. Revise la conexión de red y la dirección en Configuración.</translation>
    </message>
    <message>
        <source>%1 is unavailable (HTTP %2). Try again in a few minutes.</source>
        <translation>%1 no está disponible (HTTP %2). Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>%1 is busy (HTTP %2). Try again in a few minutes.</source>
        <translation>%1 está ocupado (HTTP %2). Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>%1 answered with a redirect (HTTP %2), which ClinicDesk does not follow. Check the address in Settings.</source>
        <translation>%1 respondió con una redirección (HTTP %2), y ClinicDesk no sigue redirecciones. Revise la dirección en Configuración.</translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2). Check the address in Settings.</source>
        <translation>%1 rechazó la solicitud (HTTP %2). Revise la dirección en Configuración.</translation>
    </message>
    <message>
        <source>The answer from %1 is larger than %2, the most ClinicDesk accepts. Check the address in Settings.</source>
        <extracomment>%2 is a size such as &quot;8.00 MiB&quot;</extracomment>
        <translation>La respuesta de %1 supera %2, el máximo que acepta ClinicDesk. Revise la dirección en Configuración.</translation>
    </message>
    <message>
        <source>The address %1 cannot be used: it needs http:// or https:// and a host name. Check the address in Settings.</source>
        <translation>No se puede usar la dirección %1: debe incluir http:// o https:// y un nombre de servidor. Revise la dirección en Configuración.</translation>
    </message>
    <message>
        <source>The answer from %1 is not valid HTTP. Check the address in Settings.</source>
        <translation>La respuesta de %1 no es una respuesta HTTP válida. Revise la dirección en Configuración.</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n seconds. Try again in a few minutes.</source>
        <translation>
            <numerusform>%1 no respondió en %n segundo. Vuelva a intentarlo en unos minutos.</numerusform>
            <numerusform>%1 no respondió en %n segundos. Vuelva a intentarlo en unos minutos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HubStore</name>
    <message>
        <source>The hub&apos;s event log is not open.</source>
        <translation>El registro de eventos del hub no está abierto.</translation>
    </message>
    <message>
        <source>Cannot write to the hub&apos;s event log %1: %2</source>
        <translation>No se puede escribir en el registro de eventos del hub %1: %2</translation>
    </message>
    <message>
        <source>The hub&apos;s event log is already open.</source>
        <translation>El registro de eventos del hub ya está abierto.</translation>
    </message>
    <message>
        <source>Cannot open the hub&apos;s event log %1: %2</source>
        <translation>No se puede abrir el registro de eventos del hub %1: %2</translation>
    </message>
    <message>
        <source>the database cannot be reached</source>
        <translation>no se puede acceder a la base de datos</translation>
    </message>
    <message>
        <source>The database address is not understood; write it as postgresql://user:password@host:port/database or postgresql://user@/database?host=/socket/folder</source>
        <translation>No se entiende la dirección de la base de datos; escríbala como postgresql://usuario:contraseña@servidor:puerto/base o postgresql://usuario@/base?host=/carpeta/del/socket</translation>
    </message>
    <message>
        <source>The database port &quot;%1&quot; is not a number.</source>
        <translation>El puerto de la base de datos «%1» no es un número.</translation>
    </message>
    <message>
        <source>the PostgreSQL driver for Qt is not installed (Debian package libqt6sql6-psql)</source>
        <translation>el controlador de PostgreSQL para Qt no está instalado (paquete de Debian libqt6sql6-psql)</translation>
    </message>
    <message>
        <source>its schema version is %1, but this clinichub knows versions up to %2 only; update clinichub. The database was not changed.</source>
        <translation>su versión de esquema es %1, pero este clinichub solo conoce hasta la versión %2; actualice clinichub. La base de datos no se modificó.</translation>
    </message>
    <message>
        <source>The hub needs a database file (or a postgresql:// address); &quot;%1&quot; is not one.</source>
        <translation>El hub necesita un archivo de base de datos (o una dirección postgresql://); «%1» no lo es.</translation>
    </message>
    <message>
        <source>%1; check that the folder exists and that the hub may write to it</source>
        <translation>%1; compruebe que la carpeta existe y que el hub puede escribir en ella</translation>
    </message>
    <message>
        <source>write-ahead logging is not possible (%1); keep the database on a local disk</source>
        <translation>no es posible usar el registro de escritura anticipada (%1); guarde la base de datos en un disco local</translation>
    </message>
    <message>
        <source>it is not a clinichub database (perhaps a ClinicDesk one); give the hub a file of its own. The file was not changed.</source>
        <translation>no es una base de datos de clinichub (quizá sea de ClinicDesk); dé al hub un archivo propio. El archivo no se modificó.</translation>
    </message>
    <message>
        <source>the database key does not open it (a wrong key file or passphrase); nothing was changed</source>
        <translation>la clave de la base de datos no la abre (archivo de clave o frase de contraseña incorrectos); no se cambió nada</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>There was no answer in time. Try again in a few minutes.</source>
        <translation>No se recibió respuesta a tiempo. Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the network connection.</source>
        <translation>No se pudo conectar con el servidor. Revise la conexión de red.</translation>
    </message>
    <message>
        <source>The server had a problem. Try again in a few minutes.</source>
        <translation>El servidor tuvo un problema. Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a few minutes.</source>
        <translation>El servidor está ocupado. Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>El servidor rechazó la solicitud.</translation>
    </message>
    <message>
        <source>The answer was larger than ClinicDesk accepts.</source>
        <translation>La respuesta superaba el tamaño máximo que acepta ClinicDesk.</translation>
    </message>
    <message>
        <source>The answer could not be read.</source>
        <translation>No se pudo leer la respuesta.</translation>
    </message>
    <message>
        <source>The request was refused. Correct it before sending it again.</source>
        <translation>Se rechazó la solicitud. Corríjala antes de volver a enviarla.</translation>
    </message>
    <message>
        <source>The request could not be made: information is missing.</source>
        <translation>No se pudo hacer la solicitud: falta información.</translation>
    </message>
    <message>
        <source>The local database could not be read or written.</source>
        <translation>No se pudo leer ni escribir en la base de datos local.</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Su rol no permite hacer esto.</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>The keychain did not answer within %1 seconds.</source>
        <translation>El llavero no respondió en %1 segundos.</translation>
    </message>
    <message>
        <source>No keychain service runs in this session.</source>
        <translation>No hay ningún servicio de llavero en esta sesión.</translation>
    </message>
</context>
<context>
    <name>LiveEventModel</name>
    <message>
        <source>Applied</source>
        <translation>Aplicado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorado</translation>
    </message>
    <message>
        <source>Metriport</source>
        <translation>Metriport</translation>
    </message>
    <message>
        <source>Payor</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Another desk</source>
        <translation>Otro puesto</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>The event&apos;s number in the hub&apos;s log</extracomment>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>This desk (%1)</source>
        <translation>Este puesto (%1)</translation>
    </message>
</context>
<context>
    <name>LiveFeed</name>
    <message>
        <source>Nothing on this desk uses this event yet.</source>
        <translation>Nada en este puesto usa todavía este evento.</translation>
    </message>
    <message>
        <source>This desk&apos;s own change.</source>
        <translation>Cambio hecho en este mismo puesto.</translation>
    </message>
    <message>
        <source>The hub stopped answering.</source>
        <translation>El hub dejó de responder.</translation>
    </message>
    <message>
        <source>The hub sent a message this desk cannot read (%1).</source>
        <translation>El hub envió un mensaje que este puesto no puede leer (%1).</translation>
    </message>
    <message>
        <source>The hub refused this desk: check the device name and token in Settings.</source>
        <translation>El hub rechazó este puesto: compruebe el nombre y el token del puesto en Configuración.</translation>
    </message>
    <message>
        <source>The hub closed the connection (%1).</source>
        <translation>El hub cerró la conexión (%1).</translation>
    </message>
    <message>
        <source>The hub sent a message meant for a hub.</source>
        <translation>El hub envió un mensaje destinado a un hub.</translation>
    </message>
    <message>
        <source>Events %1 to %2 did not arrive; catching up.</source>
        <translation>No llegaron los eventos %1 a %2; poniéndose al día.</translation>
    </message>
    <message>
        <source>the live events</source>
        <translation>los eventos en vivo</translation>
    </message>
    <message>
        <source>The events arrived out of order; catching up.</source>
        <translation>Los eventos llegaron desordenados; poniéndose al día.</translation>
    </message>
    <message>
        <source>This event is no longer in the log.</source>
        <translation>Este evento ya no está en el registro.</translation>
    </message>
    <message>
        <source>This desk is catching up with the hub.</source>
        <translation>Este puesto se está poniendo al día con el hub.</translation>
    </message>
</context>
<context>
    <name>LiveStatusLabel</name>
    <message>
        <source>Live updates: not set up</source>
        <translation>Actualizaciones en vivo: sin configurar</translation>
    </message>
    <message>
        <source>Live: connected</source>
        <translation>En vivo: conectado</translation>
    </message>
    <message>
        <source>Live: connecting… (offline since %1)</source>
        <translation>En vivo: conectando… (sin conexión desde %1)</translation>
    </message>
    <message>
        <source>Live: connecting…</source>
        <translation>En vivo: conectando…</translation>
    </message>
    <message numerus="yes">
        <source>Live: offline since %1, reconnecting in %n s</source>
        <translation>
            <numerusform>En vivo: sin conexión desde %1, reconexión en %n s</numerusform>
            <numerusform>En vivo: sin conexión desde %1, reconexión en %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Live: offline since %1</source>
        <translation>En vivo: sin conexión desde %1</translation>
    </message>
    <message>
        <source>Live: off</source>
        <translation>En vivo: desactivado</translation>
    </message>
    <message>
        <source>Changes made at other desks and news from payers arrive here. Click for the event log.</source>
        <translation>Aquí llegan los cambios hechos en otros puestos y las novedades de los pagadores. Haga clic para ver el registro de eventos.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>ClinicDesk — Locked</source>
        <translation>ClinicDesk — Bloqueado</translation>
    </message>
    <message>
        <source>ClinicDesk is locked</source>
        <translation>ClinicDesk está bloqueado</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>%1 was working here. Type the password to go on where you left off.</source>
        <translation>%1 estaba trabajando aquí. Escriba la contraseña para seguir donde lo dejó.</translation>
    </message>
    <message>
        <source>Sign In as &amp;Someone Else</source>
        <translation>Iniciar sesión como &amp;otra persona</translation>
    </message>
    <message>
        <source>This closes the patients %1 has open; work they have not saved is lost.</source>
        <translation>Esto cierra los pacientes que %1 tiene abiertos; el trabajo que no haya guardado se pierde.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ClinicDesk</source>
        <translation>ClinicDesk</translation>
    </message>
    <message>
        <source>Front Desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>TRAINING MODE — simulated payers and demo patients. Nothing here reaches a real payer.</source>
        <translation>MODO DE CAPACITACIÓN — pagadores simulados y pacientes de demostración. Nada de lo que haga aquí llega a un pagador real.</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>Modo de capacitación</translation>
    </message>
    <message>
        <source>Signed in as %1 · %2</source>
        <translation>Sesión iniciada como %1 · %2</translation>
    </message>
    <message>
        <source>Search by name, date of birth, MRN or member ID</source>
        <translation>Busque por nombre, fecha de nacimiento, MRN o número de miembro</translation>
    </message>
    <message>
        <source>Patient search</source>
        <translation>Búsqueda de pacientes</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Pacientes encontrados</translation>
    </message>
    <message>
        <source>&amp;Register Patient…</source>
        <translation>&amp;Registrar paciente…</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Other Day</source>
        <translation>Otro día</translation>
    </message>
    <message>
        <source>Verify the insurance of every appointment (or the selected ones)</source>
        <translation>Verificar el seguro de todas las citas (o de las seleccionadas)</translation>
    </message>
    <message>
        <source>Print &amp;Day Sheet…</source>
        <translation>Imprimir hoja del &amp;día…</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation>&amp;Pacientes</translation>
    </message>
    <message>
        <source>&amp;Find Patient</source>
        <translation>&amp;Buscar paciente</translation>
    </message>
    <message>
        <source>&amp;Close Patient</source>
        <translation>&amp;Cerrar paciente</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verificar</translation>
    </message>
    <message>
        <source>Verify &amp;Schedule…</source>
        <translation>Verificar a&amp;genda…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>Vie&amp;w</source>
        <translation>V&amp;er</translation>
    </message>
    <message>
        <source>&amp;Front Desk</source>
        <translation>&amp;Recepción</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About ClinicDesk</source>
        <translation>&amp;Acerca de ClinicDesk</translation>
    </message>
    <message>
        <source>About ClinicDesk</source>
        <translation>Acerca de ClinicDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;ClinicDesk&lt;/b&gt; %1&lt;br/&gt;Insurance verification for the clinic front desk.&lt;br/&gt;Licensed under the GNU GPL version 3 or later.</source>
        <translation>&lt;b&gt;ClinicDesk&lt;/b&gt; %1&lt;br/&gt;Verificación de seguros para la recepción de la clínica.&lt;br/&gt;Con licencia GNU GPL, versión 3 o posterior.</translation>
    </message>
    <message>
        <source>Verify Schedule</source>
        <translation>Verificar agenda</translation>
    </message>
    <message>
        <source>No appointments with insurance on this day.</source>
        <translation>No hay citas con seguro en este día.</translation>
    </message>
    <message>
        <source>Verify Schedule — %1</source>
        <translation>Verificar agenda — %1</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Con&amp;figuración…</translation>
    </message>
    <message>
        <source>Settings Saved</source>
        <translation>Configuración guardada</translation>
    </message>
    <message>
        <source>The new settings take effect the next time ClinicDesk starts.</source>
        <translation>La nueva configuración se aplicará la próxima vez que inicie ClinicDesk.</translation>
    </message>
    <message>
        <source>Database &amp;Check…</source>
        <translation>&amp;Comprobar base de datos…</translation>
    </message>
    <message>
        <source>Day Sheet Not Available</source>
        <translation>Hoja del día no disponible</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Comprobando la base de datos…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Database Check</source>
        <translation>Comprobación de la base de datos</translation>
    </message>
    <message>
        <source>The database is sound: SQLite found no damage.</source>
        <translation>La base de datos está en buen estado: SQLite no encontró ningún daño.</translation>
    </message>
    <message>
        <source>Training — ClinicDesk</source>
        <translation>Capacitación — ClinicDesk</translation>
    </message>
    <message>
        <source>Fi&amp;nd patient:</source>
        <translation>Bús&amp;queda de paciente:</translation>
    </message>
    <message>
        <source>S&amp;chedule for:</source>
        <translation>Fec&amp;ha de la agenda:</translation>
    </message>
    <message>
        <source>Book Visit…</source>
        <translation>Agendar consulta…</translation>
    </message>
    <message>
        <source>Book a visit on this day for the selected patient (Ctrl+B)</source>
        <translation>Programar una consulta en este día para el paciente seleccionado (Ctrl+B)</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reprogramar…</translation>
    </message>
    <message>
        <source>Change the selected visit (Ctrl+R)</source>
        <translation>Modificar la consulta seleccionada (Ctrl+R)</translation>
    </message>
    <message>
        <source>Cancel Visit…</source>
        <translation>Cancelar consulta…</translation>
    </message>
    <message>
        <source>Cancel the selected visit (Ctrl+Del)</source>
        <translation>Cancelar la consulta seleccionada (Ctrl+Supr)</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>Vista previa de i&amp;mpresión…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar c&amp;omo PDF…</translation>
    </message>
    <message>
        <source>&amp;Book Visit…</source>
        <translation>Programar cons&amp;ulta…</translation>
    </message>
    <message>
        <source>&amp;Reschedule Visit…</source>
        <translation>Reprogramar co&amp;nsulta…</translation>
    </message>
    <message>
        <source>Cancel &amp;Visit…</source>
        <translation>Cancelar consu&amp;lta…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>Ata&amp;jos de teclado…</translation>
    </message>
    <message>
        <source>Preview the patient&apos;s verification report</source>
        <translation>Vista previa del informe de verificación del paciente</translation>
    </message>
    <message>
        <source>Preview the day sheet of the schedule&apos;s day</source>
        <translation>Vista previa de la hoja del día de la agenda</translation>
    </message>
    <message>
        <source>Book Visit</source>
        <translation>Programar consulta</translation>
    </message>
    <message>
        <source>Find the patient first: choose them in the patient list or on the schedule, then book the visit.</source>
        <translation>Primero busque al paciente: selecciónelo en la lista de pacientes o en la agenda y, luego, programe la consulta.</translation>
    </message>
    <message>
        <source>No patient matches “%1”.</source>
        <translation>Ningún paciente coincide con “%1”.</translation>
    </message>
    <message>
        <source>Register “%1”…</source>
        <extracomment>%1 is what the clerk typed into the search (&quot;Lopez, Maria&quot;)</extracomment>
        <translation>Registrar a “%1”…</translation>
    </message>
    <message numerus="yes">
        <source>%n selected appointments on %1</source>
        <translation>
            <numerusform>%n cita seleccionada el %1</numerusform>
            <numerusform>%n citas seleccionadas el %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment on %1</source>
        <translation>
            <numerusform>%n cita el %1</numerusform>
            <numerusform>%n citas el %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointments on %1</source>
        <translation>
            <numerusform>%n cita el %1</numerusform>
            <numerusform>%n citas el %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify Selected Appointments — %1</source>
        <translation>Verificar citas seleccionadas — %1</translation>
    </message>
    <message>
        <source>&amp;Event Log…</source>
        <translation>Registro de &amp;eventos…</translation>
    </message>
    <message>
        <source>Send Sample &amp;Events (Training)</source>
        <translation>Enviar &amp;eventos de ejemplo (formación)</translation>
    </message>
    <message>
        <source>Sample Events Not Sent</source>
        <translation>Eventos de ejemplo no enviados</translation>
    </message>
    <message>
        <source>Another desk changed the schedule or a patient.</source>
        <translation>Otro puesto cambió la agenda o un paciente.</translation>
    </message>
    <message numerus="yes">
        <source>The sandbox is sending %n sample events to the hub.</source>
        <translation>
            <numerusform>El entorno de pruebas está enviando %n evento de ejemplo al hub.</numerusform>
            <numerusform>El entorno de pruebas está enviando %n eventos de ejemplo al hub.</numerusform>
        </translation>
    </message>
    <message>
        <source>Another desk (%1) cancelled a visit with %2 at %3.</source>
        <translation>Otro puesto (%1) canceló una cita con %2 el %3.</translation>
    </message>
    <message>
        <source>Another desk (%1) booked or changed a visit with %2 at %3.</source>
        <translation>Otro puesto (%1) reservó o cambió una cita con %2 el %3.</translation>
    </message>
    <message>
        <source>Another desk (%1) updated the record of %2.</source>
        <translation>Otro puesto (%1) actualizó la ficha de %2.</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Reclamaciones</translation>
    </message>
    <message>
        <source>C&amp;laims</source>
        <translation>Re&amp;clamaciones</translation>
    </message>
    <message>
        <source>New Claim from &amp;Visit…</source>
        <translation>Nueva reclamación desde la &amp;consulta…</translation>
    </message>
    <message>
        <source>Claim %1 for %2 is queued for the payor.</source>
        <translation>La reclamación %1 de %2 está en cola para el pagador.</translation>
    </message>
    <message>
        <source>Draft claim %1 saved.</source>
        <translation>Borrador de reclamación %1 guardado.</translation>
    </message>
    <message>
        <source>New Claim from Visit</source>
        <translation>Nueva reclamación desde la consulta</translation>
    </message>
    <message>
        <source>Select the visit in the day&apos;s schedule first.</source>
        <translation>Primero seleccione la consulta en la agenda del día.</translation>
    </message>
    <message>
        <source>&amp;Outside Records…</source>
        <translation>&amp;Registros externos…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>this patient</source>
        <translation>este paciente</translation>
    </message>
    <message>
        <source>Emergency access to %1&apos;s records until %2; it is recorded for the administrator.</source>
        <translation>Acceso de emergencia al historial de %1 hasta las %2; queda registrado para el administrador.</translation>
    </message>
    <message>
        <source>Change Database Pass&amp;phrase…</source>
        <translation>Cambiar la &amp;frase de contraseña de la base de datos…</translation>
    </message>
    <message>
        <source>The database passphrase was changed.</source>
        <translation>Se cambió la frase de contraseña de la base de datos.</translation>
    </message>
    <message>
        <source>&amp;Audit Log…</source>
        <translation>Registro de &amp;auditoría…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <source>Change My Pass&amp;word…</source>
        <translation>Cambiar mi contra&amp;seña…</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Su contraseña se cambió.</translation>
    </message>
    <message>
        <source>&amp;Lock Screen</source>
        <translation>&amp;Bloquear pantalla</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Keys Not Saved</source>
        <translation>Claves no guardadas</translation>
    </message>
    <message>
        <source>The settings were saved, but not the keys and tokens: %1</source>
        <translation>La configuración se guardó, pero no las claves ni los tokens: %1</translation>
    </message>
</context>
<context>
    <name>MedicalHistoryPage</name>
    <message>
        <source>&amp;Link to Network</source>
        <translation>Vi&amp;ncular con la red</translation>
    </message>
    <message>
        <source>Find or create this patient in the Metriport network</source>
        <translation>Buscar o crear este paciente en la red de Metriport</translation>
    </message>
    <message>
        <source>&amp;Get Outside Records</source>
        <translation>&amp;Obtener registros externos</translation>
    </message>
    <message>
        <source>Ask the network for this patient&apos;s documents (Ctrl+Shift+G)</source>
        <translation>Solicitar a la red los documentos de este paciente (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>Confirm that the network&apos;s patient is this person</source>
        <translation>Confirmar que el paciente de la red es esta persona</translation>
    </message>
    <message>
        <source>Print the clinical summary</source>
        <translation>Imprimir el resumen clínico</translation>
    </message>
    <message>
        <source>Save Summary as PDF…</source>
        <translation>Guardar resumen como PDF…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Outside documents</source>
        <translation>Documentos externos</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <source>Show the selected document (Enter)</source>
        <translation>Mostrar el documento seleccionado (Enter)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Fetch the selected failed document again</source>
        <translation>Volver a descargar el documento seleccionado que falló</translation>
    </message>
    <message>
        <source>Clinical Summary</source>
        <translation>Resumen clínico</translation>
    </message>
    <message>
        <source>Clinical summary</source>
        <translation>Resumen clínico</translation>
    </message>
    <message>
        <source>Outside Records — %1, born %2</source>
        <translation>Registros externos — %1, fecha de nacimiento: %2</translation>
    </message>
    <message>
        <source>Records: %1</source>
        <translation>Registros: %1</translation>
    </message>
    <message>
        <source>Outside Records</source>
        <translation>Registros externos</translation>
    </message>
    <message>
        <source>Outside records are not available on this desk.</source>
        <translation>Los registros externos no están disponibles en este puesto.</translation>
    </message>
    <message>
        <source>Not linked to the network yet. Link the patient, or press Get Outside Records to link and ask in one step.</source>
        <translation>Todavía no está vinculado con la red. Vincule al paciente o pulse Obtener registros externos para vincularlo y solicitar los registros en un solo paso.</translation>
    </message>
    <message>
        <source>Linked to the network (verified by %1).</source>
        <translation>Vinculado con la red (verificado por %1).</translation>
    </message>
    <message>
        <source>Linked to a patient the network already had — not verified by a person yet.</source>
        <translation>Vinculado con un paciente que la red ya tenía; todavía no lo ha verificado una persona.</translation>
    </message>
    <message>
        <source>Linked to the network — not verified by a person yet.</source>
        <translation>Vinculado con la red; todavía no lo ha verificado una persona.</translation>
    </message>
    <message>
        <source>%1, section “%2”: %3</source>
        <translation>%1, sección “%2”: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n entries could not be read; open the documents to see them.</source>
        <translation>
            <numerusform>No se pudo leer %n entrada; abra los documentos para verla.</numerusform>
            <numerusform>No se pudieron leer %n entradas; abra los documentos para verlas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for %1 in the network…</source>
        <translation>Buscando a %1 en la red…</translation>
    </message>
    <message>
        <source>Asking the network for %1&apos;s records; documents appear here as they arrive.</source>
        <translation>Solicitando a la red los registros de %1; los documentos aparecerán aquí a medida que lleguen.</translation>
    </message>
    <message>
        <source>Mark Link Verified</source>
        <translation>Marcar vínculo como verificado</translation>
    </message>
    <message>
        <source>Confirm that the network&apos;s patient is %1, born %2? The link will be marked as verified by you.</source>
        <translation>¿Confirma que el paciente de la red es %1, con fecha de nacimiento %2? El vínculo quedará marcado como verificado por usted.</translation>
    </message>
    <message>
        <source>Print Summary</source>
        <translation>Imprimir resumen</translation>
    </message>
    <message>
        <source>Outside Records Summary</source>
        <translation>Resumen de registros externos</translation>
    </message>
    <message>
        <source>Save Summary as PDF</source>
        <translation>Guardar resumen como PDF</translation>
    </message>
    <message>
        <source>outside-records-%1.pdf</source>
        <translation>registros-externos-%1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Se guardó %1.</translation>
    </message>
    <message>
        <source>Reconcile into &amp;Chart…</source>
        <translation>Conciliar con la &amp;historia clínica…</translation>
    </message>
    <message>
        <source>Review the outside allergies, medications and problems against the chart and choose what to import</source>
        <translation>Revisar las alergias, medicamentos y problemas externos frente a la historia clínica y elegir qué importar</translation>
    </message>
    <message>
        <source>Mark Link Verifie&amp;d</source>
        <translation>&amp;Marcar vínculo como verificado</translation>
    </message>
    <message>
        <source>Print S&amp;ummary…</source>
        <translation>&amp;Imprimir resumen…</translation>
    </message>
    <message numerus="yes">
        <source>%n outside statements to review</source>
        <translation>
            <numerusform>%n declaración externa por revisar</numerusform>
            <numerusform>%n declaraciones externas por revisar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MedicalRecordService</name>
    <message>
        <source>This document is not a C-CDA or FHIR document.</source>
        <translation>Este documento no es un documento C-CDA ni FHIR.</translation>
    </message>
    <message>
        <source>The document %1 is no longer stored.</source>
        <translation>El documento %1 ya no está guardado.</translation>
    </message>
    <message>
        <source>This document has not been fetched yet.</source>
        <translation>Este documento todavía no se ha descargado.</translation>
    </message>
    <message>
        <source>This document could not be fetched: %1</source>
        <translation>No se pudo descargar este documento: %1</translation>
    </message>
</context>
<context>
    <name>MergePatientsDialog</name>
    <message>
        <source>%1 — born %2, %3</source>
        <extracomment>%1 the patient&apos;s name, %2 the date of birth, %3 the MRN</extracomment>
        <translation>%1 — fecha de nacimiento: %2, %3</translation>
    </message>
    <message>
        <source>Merge Patients</source>
        <translation>Fusionar pacientes</translation>
    </message>
    <message>
        <source>Merge two records of the same person into one. The record that is merged stays in the history but is no longer found; its coverages, verifications, visits and claims move to the record that is kept. This cannot be undone from the desk.</source>
        <translation>Fusione en uno solo dos expedientes de la misma persona. El expediente fusionado queda en el historial, pero ya no aparece en las búsquedas; sus coberturas, verificaciones, citas y reclamaciones pasan al expediente que se conserva. Esto no se puede deshacer desde el puesto.</translation>
    </message>
    <message>
        <source>Keep &amp;this record: %1</source>
        <translation>Conservar &amp;este expediente: %1</translation>
    </message>
    <message>
        <source>Keep the &amp;other record: %1</source>
        <translation>Conservar el &amp;otro expediente: %1</translation>
    </message>
    <message>
        <source>For example: registered again under her married name</source>
        <translation>Por ejemplo: se registró de nuevo con su apellido de casada</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionar</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>%1 will be merged into %2.</source>
        <extracomment>%1 and %2 are patients as &quot;Last, First — born date, MRN&quot;</extracomment>
        <translation>%1 se fusionará con %2.</translation>
    </message>
    <message>
        <source>Counting what moves…</source>
        <translation>Contando lo que se traslada…</translation>
    </message>
    <message>
        <source>What moves: coverages %1, verifications %2, visits %3, claims %4.</source>
        <translation>Lo que se traslada: coberturas %1, verificaciones %2, citas %3, reclamaciones %4.</translation>
    </message>
    <message>
        <source>Coverages that repeat a card of the record kept become inactive: %1.</source>
        <translation>Coberturas que repiten una tarjeta del expediente conservado y quedarán inactivas: %1.</translation>
    </message>
    <message>
        <source>Outside records %1, chart lines %2.</source>
        <translation>Registros externos %1, líneas de la historia clínica %2.</translation>
    </message>
</context>
<context>
    <name>MetriportCall</name>
    <message>
        <source>Metriport refused our API key when asked to %1. Check the key in Settings › Metriport.</source>
        <translation>Metriport rechazó nuestra clave de API cuando se le pidió %1. Revise la clave en Configuración › Metriport.</translation>
    </message>
    <message>
        <source>Metriport could not %1: the patient was changed in the network since we read it. Read it again, then try once more.</source>
        <translation>Metriport no pudo %1: el paciente se modificó en la red después de que lo leímos. Vuelva a leerlo y luego inténtelo otra vez.</translation>
    </message>
    <message>
        <source>Metriport could not %1: it does not know what we asked about.</source>
        <translation>Metriport no pudo %1: no reconoce lo que le consultamos.</translation>
    </message>
    <message>
        <source>Metriport could not %1: %2</source>
        <translation>Metriport no pudo %1: %2</translation>
    </message>
    <message>
        <source>Metriport refused to %1 (HTTP %2).</source>
        <translation>Metriport se negó a %1 (HTTP %2).</translation>
    </message>
    <message>
        <source>Metriport refused to %1: %2</source>
        <translation>Metriport se negó a %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Metriport is limiting how often we may %1; try again in %n seconds.</source>
        <translation>
            <numerusform>Metriport está limitando la frecuencia con la que podemos %1; vuelva a intentarlo en %n segundo.</numerusform>
            <numerusform>Metriport está limitando la frecuencia con la que podemos %1; vuelva a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Metriport is limiting how often we may %1; try again in a minute.</source>
        <translation>Metriport está limitando la frecuencia con la que podemos %1; vuelva a intentarlo en un minuto.</translation>
    </message>
    <message>
        <source>Metriport did not answer in time when asked to %1 (%2).</source>
        <translation>Metriport no respondió a tiempo cuando se le pidió %1 (%2).</translation>
    </message>
    <message>
        <source>Metriport could not be reached to %1 (%2).</source>
        <translation>No se pudo conectar con Metriport para %1 (%2).</translation>
    </message>
    <message numerus="yes">
        <source>Metriport had a problem of its own when asked to %1 (HTTP %2); it was tried %n times.</source>
        <translation>
            <numerusform>Metriport tuvo un problema interno cuando se le pidió %1 (HTTP %2); se intentó %n vez.</numerusform>
            <numerusform>Metriport tuvo un problema interno cuando se le pidió %1 (HTTP %2); se intentó %n veces.</numerusform>
        </translation>
    </message>
    <message>
        <source>Metriport&apos;s answer when asked to %1 was larger than we accept.</source>
        <translation>La respuesta de Metriport cuando se le pidió %1 superó el tamaño que aceptamos.</translation>
    </message>
    <message>
        <source>Metriport&apos;s answer when asked to %1 could not be read.</source>
        <translation>No se pudo leer la respuesta de Metriport cuando se le pidió %1.</translation>
    </message>
    <message>
        <source>The request to %1 could not be made: the Metriport address is not usable.</source>
        <translation>No se pudo hacer la solicitud para %1: la dirección de Metriport no se puede usar.</translation>
    </message>
</context>
<context>
    <name>MetriportClient</name>
    <message>
        <source>create the facility</source>
        <translation>crear el centro</translation>
    </message>
    <message>
        <source>The facility&apos;s NPI %1 is not a valid NPI (ten digits with a correct check digit).</source>
        <translation>El NPI %1 del centro no es un NPI válido (diez dígitos con un dígito de control correcto).</translation>
    </message>
    <message>
        <source>read the facility</source>
        <translation>leer el centro</translation>
    </message>
    <message>
        <source>list the facilities</source>
        <translation>listar los centros</translation>
    </message>
    <message>
        <source>create the patient</source>
        <translation>crear el paciente</translation>
    </message>
    <message>
        <source>read the patient</source>
        <translation>leer el paciente</translation>
    </message>
    <message>
        <source>update the patient</source>
        <translation>actualizar el paciente</translation>
    </message>
    <message>
        <source>delete the patient</source>
        <translation>eliminar el paciente</translation>
    </message>
    <message>
        <source>list the patients</source>
        <translation>listar los pacientes</translation>
    </message>
    <message>
        <source>Metriport&apos;s next page points to another server (%1); it was not followed.</source>
        <translation>La página siguiente de Metriport apunta a otro servidor (%1); no se siguió.</translation>
    </message>
    <message>
        <source>look the patient up</source>
        <translation>buscar el paciente</translation>
    </message>
    <message>
        <source>start the document query</source>
        <translation>iniciar la búsqueda de documentos</translation>
    </message>
    <message>
        <source>tell how the document query stands</source>
        <translation>informar el estado de la búsqueda de documentos</translation>
    </message>
    <message>
        <source>list the patient&apos;s documents</source>
        <translation>listar los documentos del paciente</translation>
    </message>
    <message>
        <source>give the document&apos;s download address</source>
        <translation>dar la dirección de descarga del documento</translation>
    </message>
    <message>
        <source>start the network query</source>
        <translation>iniciar la búsqueda en la red</translation>
    </message>
    <message>
        <source>Choose at least one source: HIE, pharmacy or lab.</source>
        <translation>Elija al menos un origen: HIE, farmacia o laboratorio.</translation>
    </message>
    <message>
        <source>tell how the network query stands</source>
        <translation>informar el estado de la búsqueda en la red</translation>
    </message>
    <message>
        <source>start the consolidated data query</source>
        <translation>iniciar la búsqueda de datos consolidados</translation>
    </message>
    <message>
        <source>tell how the consolidated data query stands</source>
        <translation>informar el estado de la búsqueda de datos consolidados</translation>
    </message>
    <message>
        <source>give the medical record summary</source>
        <translation>dar el resumen del historial médico</translation>
    </message>
    <message>
        <source>read the settings</source>
        <translation>leer la configuración</translation>
    </message>
    <message>
        <source>save the webhook address</source>
        <translation>guardar la dirección del webhook</translation>
    </message>
    <message>
        <source>tell how its webhook deliveries stand</source>
        <translation>informar el estado de sus entregas de webhooks</translation>
    </message>
    <message>
        <source>list its webhook deliveries</source>
        <translation>listar sus entregas de webhooks</translation>
    </message>
    <message>
        <source>send its failed webhooks again</source>
        <translation>reenviar sus webhooks fallidos</translation>
    </message>
</context>
<context>
    <name>MetriportEvents</name>
    <message>
        <source>Consolidated network data</source>
        <translation>Datos consolidados de la red</translation>
    </message>
    <message>
        <source>Network data (%1)</source>
        <translation>Datos de la red (%1)</translation>
    </message>
    <message>
        <source>about a patient not linked on this desk</source>
        <translation>sobre un paciente no vinculado en este puesto</translation>
    </message>
</context>
<context>
    <name>MetriportJson</name>
    <message>
        <source>The first name is missing.</source>
        <translation>Falta el nombre.</translation>
    </message>
    <message>
        <source>The last name is missing.</source>
        <translation>Falta el apellido.</translation>
    </message>
    <message>
        <source>The date of birth is missing.</source>
        <translation>Falta la fecha de nacimiento.</translation>
    </message>
    <message>
        <source>The date of birth must be between 1900 and today.</source>
        <translation>La fecha de nacimiento debe estar entre 1900 y hoy.</translation>
    </message>
    <message>
        <source>The network needs an address: add the patient&apos;s street, city, state and ZIP code.</source>
        <translation>La red necesita una dirección: agregue la calle, la ciudad, el estado y el código postal del paciente.</translation>
    </message>
    <message>
        <source>The address needs a street and a city.</source>
        <translation>La dirección necesita una calle y una ciudad.</translation>
    </message>
    <message>
        <source>The address needs a two-letter state.</source>
        <translation>La dirección necesita un estado de dos letras.</translation>
    </message>
    <message>
        <source>The ZIP code must have five digits.</source>
        <translation>El código postal debe tener cinco dígitos.</translation>
    </message>
    <message>
        <source>The ZIP code %1 is a placeholder the network refuses.</source>
        <translation>El código postal %1 es un valor de relleno que la red rechaza.</translation>
    </message>
</context>
<context>
    <name>NetworkLink</name>
    <message>
        <source>Linked, no records asked for yet</source>
        <translation>Vinculado, todavía no se han solicitado registros</translation>
    </message>
    <message>
        <source>Searching the network</source>
        <translation>Buscando en la red</translation>
    </message>
    <message>
        <source>Outside records up to date</source>
        <translation>Registros externos al día</translation>
    </message>
    <message>
        <source>Getting outside records failed</source>
        <translation>No se pudieron obtener los registros externos</translation>
    </message>
</context>
<context>
    <name>NotificationBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (y %n más)</numerusform>
            <numerusform>%1 (y %n más)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutsideDocumentModel</name>
    <message>
        <source>Could not be read: %1</source>
        <translation>No se pudo leer: %1</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message numerus="yes">
        <source>%n allergies</source>
        <translation>
            <numerusform>%n alergia</numerusform>
            <numerusform>%n alergias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n medications</source>
        <translation>
            <numerusform>%n medicamento</numerusform>
            <numerusform>%n medicamentos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n immunizations</source>
        <translation>
            <numerusform>%n vacuna</numerusform>
            <numerusform>%n vacunas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vital signs</source>
        <translation>
            <numerusform>%n signo vital</numerusform>
            <numerusform>%n signos vitales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n encounters</source>
        <translation>
            <numerusform>%n consulta</numerusform>
            <numerusform>%n consultas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n procedures</source>
        <translation>
            <numerusform>%n procedimiento</numerusform>
            <numerusform>%n procedimientos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n no se pudo leer</numerusform>
            <numerusform>%n no se pudieron leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Text only, no coded entries</source>
        <translation>Solo texto, sin entradas codificadas</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Descargando…</translation>
    </message>
    <message>
        <source>Failed, trying again at %1: %2</source>
        <translation>Falló; se volverá a intentar a las %1: %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
    <message>
        <source>FHIR data</source>
        <translation>Datos FHIR</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
</context>
<context>
    <name>OutsideRecordsService</name>
    <message>
        <source>%1 cannot be linked to the network yet: %2</source>
        <translation>Todavía no se puede vincular a %1 con la red: %2</translation>
    </message>
    <message>
        <source>The Metriport connection is not set up: enter its address and API key in Settings › Metriport.</source>
        <translation>La conexión con Metriport no está configurada: ingrese su dirección y su clave de API en Configuración › Metriport.</translation>
    </message>
    <message>
        <source>Metriport&apos;s answer could not be read: %1</source>
        <translation>No se pudo leer la respuesta de Metriport: %1</translation>
    </message>
    <message>
        <source>The network already had a patient matching %1 (%2 %3, born %4), added on %5. Check that it is the same person, then mark the link as verified.</source>
        <translation>La red ya tenía un paciente que coincide con %1 (%2 %3, fecha de nacimiento: %4), agregado el %5. Compruebe que sea la misma persona y luego marque el vínculo como verificado.</translation>
    </message>
    <message>
        <source>%1 is now linked to the network.</source>
        <translation>%1 ya está vinculado con la red.</translation>
    </message>
    <message>
        <source>Asking the network for records</source>
        <translation>Solicitando registros a la red</translation>
    </message>
    <message>
        <source>Searching the network for documents</source>
        <translation>Buscando documentos en la red</translation>
    </message>
    <message numerus="yes">
        <source>The network did not finish within %n minutes; the documents that arrived are kept. Try again later.</source>
        <translation>
            <numerusform>La red no terminó en %n minuto; se conservan los documentos que llegaron. Vuelva a intentarlo más tarde.</numerusform>
            <numerusform>La red no terminó en %n minutos; se conservan los documentos que llegaron. Vuelva a intentarlo más tarde.</numerusform>
        </translation>
    </message>
    <message>
        <source>The network could not retrieve documents for this patient.</source>
        <translation>La red no pudo obtener documentos de este paciente.</translation>
    </message>
    <message>
        <source>The network search is complete</source>
        <translation>La búsqueda en la red terminó</translation>
    </message>
    <message>
        <source>The link was marked as verified.</source>
        <translation>El vínculo se marcó como verificado.</translation>
    </message>
    <message>
        <source>The network&apos;s consolidated data could not be asked for: %1 The documents are kept; Get Outside Records asks again.</source>
        <translation>No se pudieron pedir los datos consolidados de la red: %1 Los documentos se conservan; Obtener registros externos vuelve a pedirlos.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Choose the Database Passphrase</source>
        <translation>Elegir la frase de contraseña de la base de datos</translation>
    </message>
    <message>
        <source>Unlock the Database</source>
        <translation>Desbloquear la base de datos</translation>
    </message>
    <message>
        <source>ClinicDesk now encrypts this desk&apos;s database. Choose the clinic&apos;s database passphrase (at least %1 characters). Keep it where your administrator keeps the clinic&apos;s other keys: without it the database cannot be opened.</source>
        <translation>ClinicDesk ahora cifra la base de datos de este puesto. Elija la frase de contraseña de la base de datos de la clínica (al menos %1 caracteres). Guárdela donde su administrador guarda las demás claves de la clínica: sin ella no se puede abrir la base de datos.</translation>
    </message>
    <message>
        <source>This desk&apos;s database is encrypted. Enter the clinic&apos;s database passphrase.</source>
        <translation>La base de datos de este puesto está cifrada. Escriba la frase de contraseña de la base de datos de la clínica.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <source>&amp;Encrypt</source>
        <translation>&amp;Cifrar</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Escriba la frase de contraseña.</translation>
    </message>
    <message>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>La frase de contraseña debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same one twice.</source>
        <translation>Las dos frases de contraseña no coinciden. Escriba la misma dos veces.</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>La contraseña debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The password can have at most %1 characters.</source>
        <translation>La contraseña puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>The password is one character repeated or a plain sequence: choose another.</source>
        <translation>La contraseña es un carácter repetido o una secuencia simple: elija otra.</translation>
    </message>
    <message>
        <source>This password is among the most common and breached ones: choose another. A few unrelated words make a strong one that is easy to remember.</source>
        <translation>Esta contraseña está entre las más comunes y filtradas: elija otra. Unas cuantas palabras sin relación entre sí forman una contraseña fuerte y fácil de recordar.</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>La contraseña no debe contener el nombre de usuario.</translation>
    </message>
    <message>
        <source>The password must not contain the application&apos;s name.</source>
        <translation>La contraseña no debe contener el nombre de la aplicación.</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>&amp;Edit Patient…</source>
        <translation>E&amp;ditar paciente…</translation>
    </message>
    <message>
        <source>Coverages</source>
        <translation>Coberturas</translation>
    </message>
    <message>
        <source>Verify primary, secondary and tertiary insurance at once</source>
        <translation>Verificar a la vez las coberturas primaria, secundaria y terciaria</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>Verify Insurance</source>
        <translation>Verificar seguro</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Elegibilidad</translation>
    </message>
    <message>
        <source>Verification history</source>
        <translation>Historial de verificaciones</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>Rei&amp;ntentar</translation>
    </message>
    <message>
        <source>Try the selected failed verification again</source>
        <translation>Volver a intentar la verificación fallida seleccionada</translation>
    </message>
    <message>
        <source>Ask the payer again even if verified in the last 24 hours</source>
        <translation>Volver a consultar al pagador aunque ya se haya verificado en las últimas 24 horas</translation>
    </message>
    <message>
        <source>Verification History</source>
        <translation>Historial de verificaciones</translation>
    </message>
    <message>
        <source>DOB %1</source>
        <translation>F. nac. %1</translation>
    </message>
    <message>
        <source>Sex %1</source>
        <translation>Sexo %1</translation>
    </message>
    <message>
        <source>MRN %1</source>
        <translation>MRN %1</translation>
    </message>
    <message>
        <source>Opening the patient&apos;s record…</source>
        <translation>Abriendo el expediente del paciente…</translation>
    </message>
    <message>
        <source>The patient&apos;s record could not be opened</source>
        <translation>No se pudo abrir el expediente del paciente</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Report Not Available</source>
        <translation>Informe no disponible</translation>
    </message>
    <message>
        <source>Verify A&amp;ll Coverages</source>
        <translation>Veri&amp;ficar todas las coberturas</translation>
    </message>
    <message>
        <source>Upcoming Visits</source>
        <translation>Próximas consultas</translation>
    </message>
    <message>
        <source>Book Visit…</source>
        <translation>Agendar consulta…</translation>
    </message>
    <message>
        <source>Book a visit for this patient (Ctrl+B)</source>
        <translation>Agendar una consulta para este paciente (Ctrl+B)</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reprogramar…</translation>
    </message>
    <message>
        <source>Change the selected visit&apos;s time, provider or notes (Ctrl+R)</source>
        <translation>Cambiar la hora, el proveedor o las notas de la consulta seleccionada (Ctrl+R)</translation>
    </message>
    <message>
        <source>Cancel Visit…</source>
        <translation>Cancelar consulta…</translation>
    </message>
    <message>
        <source>Cancel the selected visit (Ctrl+Del)</source>
        <translation>Cancelar la consulta seleccionada (Ctrl+Supr)</translation>
    </message>
    <message>
        <source>Upcoming visits</source>
        <translation>Próximas consultas</translation>
    </message>
    <message>
        <source>No upcoming visits.</source>
        <translation>No hay consultas próximas.</translation>
    </message>
    <message>
        <source>Print Preview…</source>
        <translation>Vista previa de impresión…</translation>
    </message>
    <message>
        <source>Preview the verification report (Ctrl+Shift+P)</source>
        <translation>Ver la vista previa del informe de verificación (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print the verification report (Ctrl+P)</source>
        <translation>Imprimir el informe de verificación (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save the verification report as a PDF file (Ctrl+Shift+S)</source>
        <translation>Guardar el informe de verificación como archivo PDF (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Verify Aga&amp;in</source>
        <translation>Verificar otra ve&amp;z</translation>
    </message>
    <message>
        <source>%1 is the primary coverage already.</source>
        <translation>%1 ya es la cobertura primaria.</translation>
    </message>
    <message>
        <source>Add the coverage with %1 first (Add Coverage…).</source>
        <translation>Primero agregue la cobertura con %1 (Agregar cobertura…).</translation>
    </message>
    <message>
        <source>Outside Records…</source>
        <translation>Registros externos…</translation>
    </message>
    <message>
        <source>The patient&apos;s records from other providers, through the health information network (Ctrl+Shift+O)</source>
        <translation>Los registros del paciente de otros proveedores, a través de la red de intercambio de información de salud (Ctrl+Shift+O)</translation>
    </message>
</context>
<context>
    <name>PatientSearchModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of Birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
</context>
<context>
    <name>PatientService</name>
    <message>
        <source>This patient no longer exists; someone may have removed the record.</source>
        <translation>Este paciente ya no existe; es posible que alguien haya eliminado el expediente.</translation>
    </message>
    <message>
        <source>Register the patient before changing the record.</source>
        <translation>Registre al paciente antes de modificar el expediente.</translation>
    </message>
    <message>
        <source>That coverage is not an active coverage of this patient any more; reload the patient and try again.</source>
        <translation>Esa cobertura ya no es una cobertura activa de este paciente; vuelva a cargar el paciente e inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>PayorConnection</name>
    <message>
        <source>The address answers, but not as the payor&apos;s API: the mapping list is not a JSON list.</source>
        <translation>La dirección responde, pero no como la API del pagador: la lista de asignaciones no es una lista JSON.</translation>
    </message>
    <message>
        <source>The payor&apos;s mapping list has an entry without an insurance ID or payor name.</source>
        <translation>La lista de asignaciones del pagador tiene una entrada sin ID de seguro o sin nombre de pagador.</translation>
    </message>
    <message>
        <source>The payor&apos;s mapping list is longer than 10,000 entries.</source>
        <translation>La lista de asignaciones del pagador tiene más de 10.000 entradas.</translation>
    </message>
    <message>
        <source>Enter the payor&apos;s address (for example https://payor.example.com).</source>
        <translation>Introduzca la dirección del pagador (por ejemplo https://payor.example.com).</translation>
    </message>
    <message>
        <source>Cannot reach the payor at %1: %2</source>
        <translation>No se puede contactar con el pagador en %1: %2</translation>
    </message>
    <message>
        <source>The payor answers but refused the API key (HTTP %1).</source>
        <translation>El pagador responde pero rechazó la clave de API (HTTP %1).</translation>
    </message>
    <message>
        <source>It said: %1</source>
        <translation>Dijo: %1</translation>
    </message>
    <message>
        <source>The payor answered HTTP %1 where it lists its mappings; check the address.</source>
        <translation>El pagador respondió HTTP %1 donde lista sus asignaciones; revise la dirección.</translation>
    </message>
    <message>
        <source>Reached the payor and the API key works; enter the provider ID it gave you.</source>
        <translation>Se contactó con el pagador y la clave de API funciona; introduzca el ID de proveedor que le dio.</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the payor takes the API key, knows provider %1 and routes %n insurance IDs.</source>
        <translation>
            <numerusform>Conectado: el pagador acepta la clave de API, conoce al proveedor %1 y enruta %n ID de seguro.</numerusform>
            <numerusform>Conectado: el pagador acepta la clave de API, conoce al proveedor %1 y enruta %n ID de seguro.</numerusform>
        </translation>
    </message>
    <message>
        <source>The payor stopped answering while checking the provider: %1</source>
        <translation>El pagador dejó de responder al comprobar el proveedor: %1</translation>
    </message>
    <message>
        <source>The API key works, but the payor refused provider ID &quot;%1&quot; (HTTP %2).</source>
        <translation>La clave de API funciona, pero el pagador rechazó el ID de proveedor &quot;%1&quot; (HTTP %2).</translation>
    </message>
    <message>
        <source>Cannot reach the payor: %1</source>
        <translation>No se puede contactar con el pagador: %1</translation>
    </message>
    <message>
        <source>The payor answered HTTP %1 to the mapping list.</source>
        <translation>El pagador respondió HTTP %1 a la lista de asignaciones.</translation>
    </message>
</context>
<context>
    <name>PayorJson</name>
    <message>
        <source>The payor&apos;s answer has no claim_id or no status.</source>
        <translation>La respuesta del pagador no tiene claim_id o no tiene estado.</translation>
    </message>
    <message>
        <source>The payor&apos;s updated_at &quot;%1&quot; is not a time.</source>
        <translation>El updated_at «%1» del pagador no es una hora.</translation>
    </message>
    <message>
        <source>The payor&apos;s remittance has no billed or paid amount.</source>
        <translation>La remesa del pagador no tiene importe facturado o pagado.</translation>
    </message>
    <message>
        <source>Remittance line %1 has no billed or paid amount.</source>
        <translation>La línea %1 de la remesa no tiene importe facturado o pagado.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>ClinicDesk Cannot Start</source>
        <translation>ClinicDesk no puede iniciarse</translation>
    </message>
    <message>
        <source>There is no ClinicDesk database at %1.</source>
        <translation>No hay ninguna base de datos de ClinicDesk en %1.</translation>
    </message>
    <message>
        <source>The audit trail of %1 is broken. %2</source>
        <translation>El registro de auditoría de %1 está roto. %2</translation>
    </message>
    <message numerus="yes">
        <source>%n rows before it hold.</source>
        <translation>
            <numerusform>%n fila anterior está intacta.</numerusform>
            <numerusform>%n filas anteriores están intactas.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail of %1 is empty.</source>
        <translation>El registro de auditoría de %1 está vacío.</translation>
    </message>
    <message numerus="yes">
        <source>The audit trail of %1 holds: %n rows, from %2 to %3 (UTC).</source>
        <translation>
            <numerusform>El registro de auditoría de %1 está intacto: %n fila, del %2 al %3 (UTC).</numerusform>
            <numerusform>El registro de auditoría de %1 está intacto: %n filas, del %2 al %3 (UTC).</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest row&apos;s hash: %1 (note it: a later check must still find it, which shows no row was deleted from the end).</source>
        <translation>Hash de la fila más reciente: %1 (anótelo: una comprobación posterior debe seguir encontrándolo, lo que demuestra que no se borró ninguna fila del final).</translation>
    </message>
    <message>
        <source>Encrypting the database. Every row is checked before and after; this can take a few minutes for a large database…</source>
        <translation>Cifrando la base de datos. Se comprueba cada fila antes y después; en una base de datos grande puede tardar unos minutos…</translation>
    </message>
    <message>
        <source>ClinicDesk</source>
        <translation>ClinicDesk</translation>
    </message>
</context>
<context>
    <name>RecentActivityModel</name>
    <message>
        <source>%1 ms</source>
        <extracomment>Response time of a verification in milliseconds</extracomment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Payer / Member</source>
        <translation>Pagador / miembro</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Unknown patient</source>
        <extracomment>Shown when a verification&apos;s patient record no longer exists</extracomment>
        <translation>Paciente desconocido</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Coverage removed</source>
        <extracomment>%1 payer name, %2 member ID</extracomment>
        <translation>Cobertura eliminada</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <source>Reconcile into the Chart — %1</source>
        <translation>Conciliar con la historia clínica — %1</translation>
    </message>
    <message>
        <source>The outside records&apos; allergies, active medications and active problems beside %1&apos;s chart. Accept adds a line to the chart (or brings the chart&apos;s line up to date), Edit lets you change it first, Reject keeps it out. Nothing changes until you apply; Dry Run shows what would.</source>
        <translation>Las alergias, los medicamentos activos y los problemas activos de los registros externos junto a la historia clínica de %1. Aceptar añade una línea a la historia (o pone al día la línea que ya tiene), Editar permite cambiarla antes, Rechazar la deja fuera. Nada cambia hasta que aplique; Simular muestra lo que cambiaría.</translation>
    </message>
    <message>
        <source>Outside statements and the chart</source>
        <translation>Declaraciones externas y la historia clínica</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Rechazar…</translation>
    </message>
    <message>
        <source>&amp;Undo Choice</source>
        <translation>Des&amp;hacer elección</translation>
    </message>
    <message>
        <source>What applying does</source>
        <translation>Lo que hace aplicar</translation>
    </message>
    <message>
        <source>&amp;Dry Run</source>
        <translation>&amp;Simular</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>A&amp;plicar</translation>
    </message>
    <message>
        <source>Reading the outside records…</source>
        <translation>Leyendo los registros externos…</translation>
    </message>
    <message>
        <source>Do Not Import</source>
        <translation>No importar</translation>
    </message>
    <message>
        <source>Why is &quot;%1&quot; kept out of the chart? (optional)</source>
        <translation>¿Por qué se deja «%1» fuera de la historia clínica? (opcional)</translation>
    </message>
    <message>
        <source>The dry run found a problem; nothing was saved: %1</source>
        <translation>La simulación encontró un problema; no se guardó nada: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>No se guardó nada: %1</translation>
    </message>
    <message>
        <source>Dry run — nothing has been saved. Apply would:</source>
        <translation>Simulación: no se ha guardado nada. Aplicar haría lo siguiente:</translation>
    </message>
    <message>
        <source>Applied and recorded in the audit trail:</source>
        <translation>Aplicado y registrado en el registro de auditoría:</translation>
    </message>
    <message>
        <source>Close Without Applying</source>
        <translation>Cerrar sin aplicar</translation>
    </message>
    <message numerus="yes">
        <source>%n pending imports</source>
        <translation>
            <numerusform>%n importación pendiente</numerusform>
            <numerusform>%n importaciones pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n choices to apply</source>
        <translation>
            <numerusform>%n elección por aplicar</numerusform>
            <numerusform>%n elecciones por aplicar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n choices have not been applied. Close and drop them?</source>
        <translation>
            <numerusform>%n elección no se ha aplicado. ¿Cerrar y descartarla?</numerusform>
            <numerusform>%n elecciones no se han aplicado. ¿Cerrar y descartarlas?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconcileModel</name>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>Update the chart</source>
        <translation>Actualizar la historia clínica</translation>
    </message>
    <message>
        <source>Add to the chart</source>
        <translation>Añadir a la historia clínica</translation>
    </message>
    <message>
        <source>Add as edited: %1</source>
        <translation>Añadir editado: %1</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>No importar</translation>
    </message>
    <message>
        <source>Do not import: %1</source>
        <translation>No importar: %1</translation>
    </message>
    <message>
        <source>Pending: not in the chart</source>
        <translation>Pendiente: no está en la historia clínica</translation>
    </message>
    <message>
        <source>Pending: the chart says otherwise</source>
        <translation>Pendiente: la historia clínica dice otra cosa</translation>
    </message>
    <message>
        <source>In the chart</source>
        <translation>En la historia clínica</translation>
    </message>
    <message>
        <source>Only in the chart</source>
        <translation>Solo en la historia clínica</translation>
    </message>
    <message>
        <source>Not imported by %1 on %2</source>
        <translation>No importado por %1 el %2</translation>
    </message>
    <message>
        <source>Not imported by %1 on %2: %3</source>
        <translation>No importado por %1 el %2: %3</translation>
    </message>
    <message>
        <source>Imported by %1 on %2; the chart has changed since</source>
        <translation>Importado por %1 el %2; la historia clínica ha cambiado desde entonces</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Outside records say</source>
        <translation>Los registros externos dicen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>The chart says</source>
        <translation>La historia clínica dice</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
</context>
<context>
    <name>RegisterPatientDialog</name>
    <message>
        <source>Register Patient</source>
        <translation>Registrar paciente</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>M&amp;iddle name:</source>
        <translation>&amp;Segundo nombre:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellido:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>&amp;Sex at birth:</source>
        <translation>Se&amp;xo al nacer:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;City, state, ZIP:</source>
        <translation>&amp;Ciudad, estado, código postal:</translation>
    </message>
    <message>
        <source>OR</source>
        <translation>OR</translation>
    </message>
    <message>
        <source>97477</source>
        <translation>97477</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>C&amp;orreo electrónico:</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Edit Patient</source>
        <translation>Editar paciente</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrar</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Segundo nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>ZIP</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Type the date as %1.</source>
        <translation>Escriba la fecha con el formato %1.</translation>
    </message>
    <message>
        <source>Could not check for patients already registered: %1</source>
        <translation>No se pudo comprobar si hay pacientes ya registrados: %1</translation>
    </message>
    <message>
        <source>Register Any&amp;way</source>
        <translation>Registrar de todos &amp;modos</translation>
    </message>
    <message>
        <source>%1 may already be registered (see the list). Press Register Anyway to register a new patient, or Open to use the record that exists.</source>
        <translation>Es posible que %1 ya esté registrado (vea la lista). Pulse Registrar de todos modos para registrar un paciente nuevo, o Abrir para usar el expediente existente.</translation>
    </message>
</context>
<context>
    <name>Remittance</name>
    <message>
        <source>Line %1 (%2) does not balance: billed %3 − paid %4 is %5, but its adjustments add up to %6.</source>
        <translation>La línea %1 (%2) no cuadra: facturado %3 − pagado %4 es %5, pero sus ajustes suman %6.</translation>
    </message>
    <message>
        <source>Claim %1 does not balance: billed %2 − paid %3 is %4, but its adjustments add up to %5.</source>
        <translation>La reclamación %1 no cuadra: facturado %2 − pagado %3 es %4, pero sus ajustes suman %5.</translation>
    </message>
</context>
<context>
    <name>Remittance835</name>
    <message>
        <source>Claim %1: %2</source>
        <translation>Reclamación %1: %2</translation>
    </message>
    <message>
        <source>%1 (%2) is missing.</source>
        <translation>Falta %1 (%2).</translation>
    </message>
    <message>
        <source>%1 (%2) is not an amount: &quot;%3&quot;.</source>
        <translation>%1 (%2) no es un importe: «%3».</translation>
    </message>
    <message>
        <source>More than %1 remark codes in one loop; no 835 needs that many, so the file was not read further.</source>
        <translation>Más de %1 códigos de observación en un mismo bucle; ningún 835 necesita tantos, así que no se siguió leyendo el archivo.</translation>
    </message>
    <message>
        <source>CAS01 (the adjustment group: CO, PR, OA or PI) is missing.</source>
        <translation>Falta CAS01 (el grupo de ajuste: CO, PR, OA o PI).</translation>
    </message>
    <message>
        <source>%1 has an amount but %2 (its reason code) is missing.</source>
        <translation>%1 tiene un importe, pero falta %2 (su código de motivo).</translation>
    </message>
    <message>
        <source>the amount of reason %1</source>
        <translation>el importe del motivo %1</translation>
    </message>
    <message>
        <source>More than %1 adjustments in one loop; no 835 needs that many, so the file was not read further.</source>
        <translation>Más de %1 ajustes en un mismo bucle; ningún 835 necesita tantos, así que no se siguió leyendo el archivo.</translation>
    </message>
    <message>
        <source>CAS02 (the adjustment reason code) is missing.</source>
        <translation>Falta CAS02 (el código de motivo del ajuste).</translation>
    </message>
    <message>
        <source>The file holds more than %1 claims, too many to read at once.</source>
        <translation>El archivo contiene más de %1 reclamaciones, demasiadas para leerlas de una vez.</translation>
    </message>
    <message>
        <source>CLP01 (the claim number) is missing.</source>
        <translation>Falta CLP01 (el número de reclamación).</translation>
    </message>
    <message>
        <source>CLP02 (the claim status) is missing.</source>
        <translation>Falta CLP02 (el estado de la reclamación).</translation>
    </message>
    <message>
        <source>the amount billed</source>
        <translation>el importe facturado</translation>
    </message>
    <message>
        <source>the amount paid</source>
        <translation>el importe pagado</translation>
    </message>
    <message>
        <source>the patient responsibility</source>
        <translation>la responsabilidad del paciente</translation>
    </message>
    <message>
        <source>A service line (SVC) outside a claim (CLP) was ignored.</source>
        <translation>Se ignoró una línea de servicio (SVC) fuera de una reclamación (CLP).</translation>
    </message>
    <message>
        <source>Claim %1 has more than %2 service lines; no 835 needs that many, so the file was not read further.</source>
        <translation>La reclamación %1 tiene más de %2 líneas de servicio; ningún 835 necesita tantas, así que no se siguió leyendo el archivo.</translation>
    </message>
    <message>
        <source>SVC01 has no procedure code (it should be a qualifier and a code, as in HC:99213): &quot;%1&quot;.</source>
        <translation>SVC01 no tiene código de procedimiento (debería ser un calificador y un código, como en HC:99213): «%1».</translation>
    </message>
    <message>
        <source>the line&apos;s amount billed</source>
        <translation>el importe facturado de la línea</translation>
    </message>
    <message>
        <source>the line&apos;s amount paid</source>
        <translation>el importe pagado de la línea</translation>
    </message>
    <message>
        <source>SVC05 (units) is not a number: &quot;%1&quot;; 1 unit is assumed.</source>
        <translation>SVC05 (unidades) no es un número: «%1»; se asume 1 unidad.</translation>
    </message>
    <message>
        <source>An adjustment (CAS) outside a claim (CLP) was ignored.</source>
        <translation>Se ignoró un ajuste (CAS) fuera de una reclamación (CLP).</translation>
    </message>
    <message>
        <source>the amount allowed</source>
        <translation>el importe permitido</translation>
    </message>
    <message>
        <source>BPR02 (the total paid) is not an amount: &quot;%1&quot;.</source>
        <translation>BPR02 (el total pagado) no es un importe: «%1».</translation>
    </message>
    <message>
        <source>BPR16 (the payment date) is not a date (CCYYMMDD): &quot;%1&quot;.</source>
        <translation>BPR16 (la fecha de pago) no es una fecha (CCYYMMDD): «%1».</translation>
    </message>
    <message>
        <source>The file holds no transaction: it is not an 835 remittance.</source>
        <translation>El archivo no contiene ninguna transacción: no es una remesa 835.</translation>
    </message>
    <message>
        <source>The file holds %1, not an 835 remittance.</source>
        <translation>El archivo contiene %1, no una remesa 835.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>TRAINING</source>
        <translation>CAPACITACIÓN</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Could not write the PDF to %1.</source>
        <translation>No se pudo guardar el PDF en %1.</translation>
    </message>
    <message>
        <source>Phone %1</source>
        <translation>Tel. %1</translation>
    </message>
    <message>
        <source>DOB %1</source>
        <translation>F. nac. %1</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Beneficio</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restante</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>patient is %1</source>
        <translation>parentesco del paciente: %1</translation>
    </message>
    <message>
        <source>Other coverage: %1</source>
        <translation>Otra cobertura: %1</translation>
    </message>
    <message>
        <source>Payer messages: %1</source>
        <translation>Mensajes del pagador: %1</translation>
    </message>
    <message>
        <source>Printed %1 by %2.</source>
        <translation>Impreso el %1 por %2.</translation>
    </message>
    <message>
        <source>Insurance Verification — %1</source>
        <translation>Verificación de seguro — %1</translation>
    </message>
    <message>
        <source>Day Sheet — %1</source>
        <translation>Hoja del día — %1</translation>
    </message>
    <message>
        <source>%1 active, %2 need attention.</source>
        <translation>%1 con seguro activo, %2 por revisar.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Provider / visit</source>
        <translation>Proveedor / consulta</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>TRAINING — simulated payer answers, not for patient use.</source>
        <translation>CAPACITACIÓN — respuestas simuladas del pagador; no usar con pacientes.</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>El propio paciente</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>Cónyuge</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Hijo/a</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>The payer returned no benefit details.</source>
        <translation>El pagador no envió detalles de los beneficios.</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>Titular</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>Número de miembro</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Coverage dates</source>
        <translation>Fechas de cobertura</translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation>Fecha de verificación</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>Verificado por</translation>
    </message>
    <message>
        <source>Date of service</source>
        <translation>Fecha de servicio</translation>
    </message>
    <message>
        <source>Trace number</source>
        <translation>Número de rastreo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Not verified yet</source>
        <translation>Todavía no se ha verificado</translation>
    </message>
    <message>
        <source>Why it failed and what to do</source>
        <translation>Por qué falló y qué hacer</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Requiere revisión</translation>
    </message>
    <message>
        <source>Insurance Verification Report</source>
        <translation>Informe de verificación de seguro</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>The patient has no insurance on file.</source>
        <translation>El paciente no tiene ningún seguro registrado.</translation>
    </message>
    <message>
        <source>No insurance on file</source>
        <translation>Sin seguro registrado</translation>
    </message>
    <message>
        <source>Verify again before the visit.</source>
        <translation>Vuelva a verificar antes de la consulta.</translation>
    </message>
    <message>
        <source>No appointments on this day.</source>
        <translation>No hay citas en este día.</translation>
    </message>
    <message numerus="yes">
        <source>%n appointments: </source>
        <translation>
            <numerusform>%n cita: </numerusform>
            <numerusform>%n citas: </numerusform>
        </translation>
    </message>
    <message>
        <source>Attempted at</source>
        <translation>Fecha del intento</translation>
    </message>
    <message>
        <source>Attempted by</source>
        <translation>Intentado por</translation>
    </message>
    <message>
        <source>Collect today</source>
        <extracomment>Collect today: the amount, then how it was worked out</extracomment>
        <translation>Cobrar hoy</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Visit today</source>
        <extracomment>Today&apos;s visit: time, visit type, provider</extracomment>
        <translation>Consulta de hoy</translation>
    </message>
    <message>
        <source>%1, %2 with %3</source>
        <translation>%1, %2 con %3</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>consulta</translation>
    </message>
    <message>
        <source>None booked</source>
        <translation>Ninguna agendada</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>A cobrar</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Print Preview — %1</source>
        <translation>Vista previa de impresión — %1</translation>
    </message>
    <message>
        <source>Save Report as PDF</source>
        <translation>Guardar informe como PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report Not Saved</source>
        <translation>No se guardó el informe</translation>
    </message>
    <message>
        <source>Report Not Printed</source>
        <translation>No se imprimió el informe</translation>
    </message>
</context>
<context>
    <name>ReportService</name>
    <message>
        <source>This patient no longer exists.</source>
        <translation>Este paciente ya no existe.</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>The sandbox could not listen on %1:%2.</source>
        <translation>El entorno de prueba no pudo escuchar en %1:%2.</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>No insurance</source>
        <translation>Sin seguro</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Date of Birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Collect %1, %2</source>
        <translation>Cobrar %1, %2</translation>
    </message>
    <message>
        <source>Collect</source>
        <extracomment>Column: what to collect from the patient at check-in</extracomment>
        <translation>A cobrar</translation>
    </message>
</context>
<context>
    <name>SecretService</name>
    <message>
        <source>Your role does not allow changing the desk&apos;s connections and keys.</source>
        <translation>Su rol no permite cambiar las conexiones ni las claves del puesto.</translation>
    </message>
    <message>
        <source>The keys in the settings file could not be moved into the encrypted database: %1</source>
        <translation>Las claves del archivo de configuración no se pudieron mover a la base de datos cifrada: %1</translation>
    </message>
</context>
<context>
    <name>ServiceLineSpec</name>
    <message>
        <source>&quot;%1&quot; is not a service line; write CODE[:MODIFIER…]:UNITS:CHARGE[:POINTERS], e.g. 99213:1:125.00 or 99213:25:1:125.00:1,2.</source>
        <translation>&quot;%1&quot; no es una línea de servicio; escriba CÓDIGO[:MODIFICADOR…]:UNIDADES:CARGO[:PUNTEROS], p. ej. 99213:1:125.00 o 99213:25:1:125.00:1,2.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>&amp;Clearinghouse address:</source>
        <translation>Dirección de la &amp;cámara de compensación:</translation>
    </message>
    <message>
        <source>Empty: training mode with the built-in sandbox</source>
        <translation>Vacía: modo de capacitación con el entorno de prueba integrado</translation>
    </message>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nombre de la clínica:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>City, state, &amp;ZIP:</source>
        <translation>Ciudad, estado, código &amp;postal:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation>10 dígitos</translation>
    </message>
    <message>
        <source>&amp;Timeout (seconds):</source>
        <translation>Tiempo de &amp;espera (segundos):</translation>
    </message>
    <message>
        <source>T&amp;ries:</source>
        <translation>&amp;Intentos:</translation>
    </message>
    <message>
        <source>Re&amp;use answers for (hours):</source>
        <translation>&amp;Reutilizar respuestas durante (horas):</translation>
    </message>
    <message>
        <source>Answers &amp;expire after (days):</source>
        <translation>Las respuestas &amp;vencen después de (días):</translation>
    </message>
    <message>
        <source>Changes take effect the next time ClinicDesk starts.</source>
        <translation>Los cambios se aplicarán la próxima vez que inicie ClinicDesk.</translation>
    </message>
    <message>
        <source>NP&amp;I:</source>
        <translation>NPI de la c&amp;línica:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Visit Fees</source>
        <translation>Tari&amp;fas de consulta</translation>
    </message>
    <message>
        <source>What the clinic expects to charge for each visit type, and the service type whose benefits the payer states for it. When a plan has no copay for the visit, what to collect today is estimated from this charge, the deductible left and the coinsurance.</source>
        <translation>Lo que la clínica prevé cobrar por cada tipo de consulta y el tipo de servicio cuyos beneficios indica el pagador para ella. Cuando un plan no tiene copago para la consulta, el monto a cobrar hoy se calcula a partir de este cargo, el deducible restante y el coseguro.</translation>
    </message>
    <message>
        <source>&amp;Fees per visit type:</source>
        <translation>Tarifa&amp;s por tipo de consulta:</translation>
    </message>
    <message>
        <source>A&amp;dd Visit Type</source>
        <translation>Agregar tipo de cons&amp;ulta</translation>
    </message>
    <message>
        <source>Re&amp;move Visit Type</source>
        <translation>Eli&amp;minar tipo de consulta</translation>
    </message>
    <message>
        <source>&amp;Other visits (office visit):</source>
        <translation>&amp;Otras consultas (consulta en consultorio):</translation>
    </message>
    <message>
        <source>Expected charge of visit types not listed, and of a visit when none is booked today</source>
        <translation>Cargo previsto de los tipos de consulta que no figuran en la lista, y de una consulta cuando no hay ninguna agendada para hoy</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>A service type in the visit fees table: &quot;98 — Office visit&quot;</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Visit Type</source>
        <translation>Tipo de consulta</translation>
    </message>
    <message>
        <source>Service Type</source>
        <translation>Tipo de servicio</translation>
    </message>
    <message>
        <source>Expected Charge</source>
        <translation>Cargo previsto</translation>
    </message>
    <message>
        <source>Fees per visit type</source>
        <translation>Tarifas por tipo de consulta</translation>
    </message>
    <message>
        <source>&amp;Hub</source>
        <translation>&amp;Hub</translation>
    </message>
    <message>
        <source>Hu&amp;b address:</source>
        <translation>Dirección &amp;web del hub:</translation>
    </message>
    <message>
        <source>wss://hub.example.org/feed — empty: no live updates</source>
        <translation>wss://hub.example.org/feed — vacía: sin actualizaciones en vivo</translation>
    </message>
    <message>
        <source>&amp;Workstation name:</source>
        <translation>Nombre del puesto de tra&amp;bajo:</translation>
    </message>
    <message>
        <source>As listed on the hub, e.g. desk-1</source>
        <translation>Como figura en el hub, p. ej. desk-1</translation>
    </message>
    <message>
        <source>Workstation to&amp;ken:</source>
        <translation>To&amp;ken del puesto de trabajo:</translation>
    </message>
    <message>
        <source>The hub brings changes made at other desks and news from payers and Metriport. Ask your administrator for this workstation&apos;s name and token. Changes take effect when ClinicDesk starts again.</source>
        <translation>El hub trae los cambios hechos en otros puestos y las novedades de los pagadores y de Metriport. Pida al administrador el nombre y el token de este puesto. Los cambios se aplican cuando ClinicDesk se vuelve a iniciar.</translation>
    </message>
    <message>
        <source>Pa&amp;yor</source>
        <translation>Pagad&amp;or</translation>
    </message>
    <message>
        <source>Payor &amp;address:</source>
        <translation>&amp;Dirección del pagador:</translation>
    </message>
    <message>
        <source>https://payor.example.com — empty in training: the sandbox payor</source>
        <translation>https://payor.example.com — vacío en formación: el pagador de pruebas</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clave de API:</translation>
    </message>
    <message>
        <source>&amp;Provider ID:</source>
        <translation>&amp;ID de proveedor:</translation>
    </message>
    <message>
        <source>As the payor knows this clinic</source>
        <translation>Como el pagador conoce a esta clínica</translation>
    </message>
    <message>
        <source>Provider &amp;name:</source>
        <translation>&amp;Nombre del proveedor:</translation>
    </message>
    <message>
        <source>Empty: the clinic name</source>
        <translation>Vacío: el nombre de la clínica</translation>
    </message>
    <message>
        <source>&amp;Webhook secret:</source>
        <translation>&amp;Secreto del webhook:</translation>
    </message>
    <message>
        <source>whsec_… — set on the hub too</source>
        <translation>whsec_… — configúrelo también en el hub</translation>
    </message>
    <message>
        <source>&amp;Timely filing (days):</source>
        <translation>Pla&amp;zo de presentación (días):</translation>
    </message>
    <message>
        <source>&amp;Sync open claims every (minutes):</source>
        <translation>Sincronizar reclamaciones abiertas cada (&amp;minutos):</translation>
    </message>
    <message>
        <source>Test &amp;Connection</source>
        <translation>Pro&amp;bar conexión</translation>
    </message>
    <message>
        <source>Insurance &amp;IDs routed to each payor:</source>
        <translation>IDs de seg&amp;uro enviados a cada pagador:</translation>
    </message>
    <message>
        <source>Add &amp;Mapping</source>
        <translation>&amp;Agregar asignación</translation>
    </message>
    <message>
        <source>&amp;Remove Mapping</source>
        <translation>&amp;Quitar asignación</translation>
    </message>
    <message>
        <source>Get &amp;from Payor</source>
        <translation>&amp;Traer del pagador</translation>
    </message>
    <message>
        <source>From the payor</source>
        <translation>Del pagador</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Incluida</translation>
    </message>
    <message>
        <source>Entered here</source>
        <translation>Introducida aquí</translation>
    </message>
    <message>
        <source>Insurance ID</source>
        <translation>ID de seguro</translation>
    </message>
    <message>
        <source>Payor</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Insurance IDs routed to each payor</source>
        <translation>IDs de seguro enviados a cada pagador</translation>
    </message>
    <message>
        <source>Payor: every mapping needs an insurance ID and a payor name.</source>
        <translation>Pagador: cada asignación necesita un ID de seguro y un nombre de pagador.</translation>
    </message>
    <message>
        <source>Payor: insurance ID %1 is listed twice.</source>
        <translation>Pagador: el ID de seguro %1 aparece dos veces.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message numerus="yes">
        <source>The payor routes %n insurance IDs; save to keep them.</source>
        <translation>
            <numerusform>El pagador enruta %n ID de seguro; guarde para conservarlo.</numerusform>
            <numerusform>El pagador enruta %n ID de seguro; guarde para conservarlos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign In to ClinicDesk</source>
        <translation>Iniciar sesión en ClinicDesk</translation>
    </message>
    <message>
        <source>Create the Administrator</source>
        <translation>Crear el administrador</translation>
    </message>
    <message>
        <source>This desk has no users yet. Create the administrator, who then adds everyone else with their own role.</source>
        <translation>Este puesto aún no tiene usuarios. Cree el administrador, que luego agregará a todos los demás con su propio rol.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nombre co&amp;mpleto:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>Co&amp;nfirmar contraseña:</translation>
    </message>
    <message>
        <source>At least %1 characters; spaces are fine. A few unrelated words make a strong password that is easy to remember.</source>
        <translation>Al menos %1 caracteres; se admiten espacios. Unas cuantas palabras sin relación entre sí forman una contraseña fuerte y fácil de recordar.</translation>
    </message>
    <message>
        <source>%1 — password “%2” (%3)</source>
        <translation>%1 — contraseña «%2» (%3)</translation>
    </message>
    <message>
        <source>Training mode. Demo users:</source>
        <translation>Modo de práctica. Usuarios de demostración:</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>C&amp;reate and Sign In</source>
        <translation>C&amp;rear e iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Type your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Signing In…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>SqliteDriver</name>
    <message>
        <source>Error opening database</source>
        <translation>Error al abrir la base de datos</translation>
    </message>
    <message>
        <source>The database key must be 64 hexadecimal digits.</source>
        <translation>La clave de la base de datos debe tener 64 dígitos hexadecimales.</translation>
    </message>
    <message>
        <source>Cannot use the database key</source>
        <translation>No se puede usar la clave de la base de datos</translation>
    </message>
    <message>
        <source>The database cannot be read with this key: the key is wrong, or the file is not a database.</source>
        <translation>La base de datos no se puede leer con esta clave: la clave es incorrecta o el archivo no es una base de datos.</translation>
    </message>
    <message>
        <source>Unable to begin transaction</source>
        <translation>No se pudo iniciar la transacción</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>No se pudo confirmar la transacción</translation>
    </message>
    <message>
        <source>Unable to rollback transaction</source>
        <translation>No se pudo revertir la transacción</translation>
    </message>
    <message>
        <source>Cannot change the database key</source>
        <translation>No se puede cambiar la clave de la base de datos</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>La base de datos no está abierta.</translation>
    </message>
</context>
<context>
    <name>SqliteResult</name>
    <message>
        <source>Unable to execute statement</source>
        <translation>No se pudo ejecutar la instrucción</translation>
    </message>
    <message>
        <source>Unable to execute multiple statements at a time</source>
        <translation>No se pueden ejecutar varias instrucciones a la vez</translation>
    </message>
    <message>
        <source>Parameter count mismatch</source>
        <translation>El número de parámetros no coincide</translation>
    </message>
    <message>
        <source>No value for %1</source>
        <translation>Falta un valor para %1</translation>
    </message>
    <message>
        <source>Unable to bind parameters</source>
        <translation>No se pudieron enlazar los parámetros</translation>
    </message>
    <message>
        <source>Unable to fetch row</source>
        <translation>No se pudo leer la fila</translation>
    </message>
    <message>
        <source>The statement contains a NUL character.</source>
        <translation>La instrucción contiene un carácter NUL.</translation>
    </message>
    <message>
        <source>The statement is empty.</source>
        <translation>La instrucción está vacía.</translation>
    </message>
    <message>
        <source>No statement was prepared.</source>
        <translation>No se preparó ninguna instrucción.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Benefits</source>
        <translation>Beneficios</translation>
    </message>
    <message>
        <source>Choose a coverage and press Verify Insurance.</source>
        <translation>Elija una cobertura y presione Verificar seguro.</translation>
    </message>
    <message>
        <source>Asking %1 about member %2…</source>
        <translation>Consultando a %1 sobre el miembro %2…</translation>
    </message>
    <message>
        <source>office visit copay %1</source>
        <translation>copago por consulta %1</translation>
    </message>
    <message>
        <source>Member ID %1</source>
        <translation>Número de miembro %1</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Grupo %1</translation>
    </message>
    <message>
        <source>Coverage %1</source>
        <translation>Cobertura %1</translation>
    </message>
    <message>
        <source>Verified %1 by %2</source>
        <translation>Verificado el %1 por %2</translation>
    </message>
    <message>
        <source>Trace %1</source>
        <translation>N.º de rastreo %1</translation>
    </message>
    <message>
        <source>This answer is out of date. Verify again before the visit.</source>
        <translation>Esta respuesta está desactualizada. Vuelva a verificar antes de la consulta.</translation>
    </message>
    <message>
        <source>Coverage ended on %1. Ask the patient for current insurance.</source>
        <translation>La cobertura terminó el %1. Pida al paciente los datos de su seguro actual.</translation>
    </message>
    <message>
        <source>Coverage is not active. Ask the patient for current insurance.</source>
        <translation>La cobertura no está activa. Pida al paciente los datos de su seguro actual.</translation>
    </message>
    <message>
        <source>Verified %1; this answer is less than a day old, so the payer was not asked again. Press Verify Again to ask now.</source>
        <translation>Verificada %1; esta respuesta tiene menos de un día, así que no se volvió a consultar al pagador. Pulse Verificar otra vez para consultar ahora.</translation>
    </message>
    <message>
        <source>Cancel Verification</source>
        <translation>Cancelar verificación</translation>
    </message>
    <message>
        <source>Add Coverage…</source>
        <translation>Agregar cobertura…</translation>
    </message>
    <message>
        <source>Reorder Coverages</source>
        <translation>Reordenar coberturas</translation>
    </message>
    <message>
        <source>Save to Coverage</source>
        <translation>Guardar en la cobertura</translation>
    </message>
    <message>
        <source>Stop waiting for the payer; nothing is changed</source>
        <translation>Dejar de esperar al pagador; no se cambia nada</translation>
    </message>
    <message>
        <source>Add the other payer&apos;s coverage to this patient</source>
        <translation>Agregar a este paciente la cobertura del otro pagador</translation>
    </message>
    <message>
        <source>Make the payer the answer names primary</source>
        <translation>Hacer primario al pagador que indica la respuesta</translation>
    </message>
    <message>
        <source>Save the group number and plan the payer returned onto the coverage</source>
        <translation>Guardar en la cobertura el número de grupo y el plan que envió el pagador</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>Enviando la solicitud…</translation>
    </message>
    <message numerus="yes">
        <source>Waited %n seconds</source>
        <translation>
            <numerusform>%n segundo de espera</numerusform>
            <numerusform>%n segundos de espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Try %1 of %2</source>
        <translation>Intento %1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>Try %1 of %2 · %n seconds</source>
        <extracomment>%1 the try being made, %2 tries at most; %n seconds since the verification began</extracomment>
        <translation>
            <numerusform>Intento %1 de %2 · %n segundo</numerusform>
            <numerusform>Intento %1 de %2 · %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is the primary payer, not %2: bill %1 first.</source>
        <extracomment>%1 the other payer, %2 the payer of the coverage verified</extracomment>
        <translation>%1 es el pagador primario, no %2: facture primero a %1.</translation>
    </message>
    <message>
        <source>%1 is the secondary payer.</source>
        <translation>%1 es el pagador secundario.</translation>
    </message>
    <message>
        <source>%1 is the tertiary payer.</source>
        <translation>%1 es el pagador terciario.</translation>
    </message>
    <message>
        <source>Another payer also covers this patient: %1.</source>
        <translation>Otro pagador también cubre a este paciente: %1.</translation>
    </message>
    <message>
        <source>Member ID with %1: %2.</source>
        <translation>Número de miembro con %1: %2.</translation>
    </message>
    <message>
        <source>Confirm the order of benefits with the patient.</source>
        <translation>Confirme con el paciente el orden de pago de sus seguros.</translation>
    </message>
    <message>
        <source>Subscriber on file with the payer: %1, relationship: %2</source>
        <extracomment>%1 the subscriber&apos;s name as the payer has it, %2 the patient&apos;s relationship to them</extracomment>
        <translation>Titular registrado con el pagador: %1, parentesco: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Group number from the payer: %1 (on the coverage: %2)</source>
        <translation>Número de grupo según el pagador: %1 (en la cobertura: %2)</translation>
    </message>
    <message>
        <source>Plan from the payer: %1 (on the coverage: %2)</source>
        <translation>Plan según el pagador: %1 (en la cobertura: %2)</translation>
    </message>
    <message>
        <source>Rejected by the payer %1 (asked by %2)</source>
        <translation>Rechazado por el pagador el %1 (consultado por %2)</translation>
    </message>
    <message>
        <source>Cancelled %1 by %2</source>
        <translation>Cancelado el %1 por %2</translation>
    </message>
    <message>
        <source>Tried %1 by %2; the payer did not answer</source>
        <translation>Intentado el %1 por %2; el pagador no respondió</translation>
    </message>
    <message>
        <source>Last verified %1</source>
        <translation>Última verificación: %1</translation>
    </message>
    <message>
        <source>Never verified</source>
        <translation>Nunca verificado</translation>
    </message>
    <message>
        <source>The payer could not be reached or did not answer; nothing is known about the coverage. Press Retry to ask again.</source>
        <translation>No se pudo contactar al pagador o este no respondió; no se sabe nada de la cobertura. Pulse Reintentar para volver a consultar.</translation>
    </message>
    <message>
        <source>Collect today: working it out…</source>
        <translation>Cobrar hoy: calculando…</translation>
    </message>
    <message>
        <source>Collect today: %1</source>
        <extracomment>The amount to ask the patient for at check-in: &quot;Collect today: $25.00&quot;</extracomment>
        <translation>Cobrar hoy: %1</translation>
    </message>
    <message>
        <source>For the %1 visit.</source>
        <extracomment>When the visit is: &quot;For the 9:00 AM visit.&quot;</extracomment>
        <translation>Para la consulta de hoy (%1).</translation>
    </message>
    <message>
        <source>Today&apos;s visits could not be read (%1), so an office visit is assumed.</source>
        <translation>No se pudieron leer las consultas de hoy (%1), así que se supone una consulta en consultorio.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Accessible text of a bar: &quot;Deductible (individual): $800.00 of $1,500.00 met&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 % met</source>
        <translation>%1 % cubierto</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot save the appointment: %1</source>
        <translation>No se puede guardar la cita: %1</translation>
    </message>
    <message>
        <source>Choose the patient for the appointment.</source>
        <translation>Elija el paciente de la cita.</translation>
    </message>
    <message>
        <source>Enter the date and time of the appointment.</source>
        <translation>Ingrese la fecha y la hora de la cita.</translation>
    </message>
    <message>
        <source>The appointment must last at least one minute.</source>
        <translation>La cita debe durar al menos un minuto.</translation>
    </message>
    <message>
        <source>The patient of this appointment no longer exists.</source>
        <translation>El paciente de esta cita ya no existe.</translation>
    </message>
    <message>
        <source>This appointment no longer exists; someone may have removed it.</source>
        <translation>Esta cita ya no existe; es posible que alguien la haya eliminado.</translation>
    </message>
    <message>
        <source>Save the patient before adding insurance coverage.</source>
        <translation>Guarde el paciente antes de agregar una cobertura de seguro.</translation>
    </message>
    <message>
        <source>Choose the insurance payer.</source>
        <translation>Elija el pagador del seguro.</translation>
    </message>
    <message>
        <source>Enter the member ID from the insurance card.</source>
        <translation>Ingrese el número de miembro que aparece en la tarjeta del seguro.</translation>
    </message>
    <message>
        <source>Choose whether the coverage is primary, secondary or tertiary.</source>
        <translation>Indique si la cobertura es primaria, secundaria o terciaria.</translation>
    </message>
    <message>
        <source>Enter the subscriber&apos;s name and date of birth: the patient is not the subscriber of this coverage.</source>
        <translation>Ingrese el nombre y la fecha de nacimiento del titular: el paciente no es el titular de esta cobertura.</translation>
    </message>
    <message>
        <source>The coverage ends before it begins; check the effective and termination dates.</source>
        <translation>La cobertura termina antes de comenzar; revise las fechas de inicio de vigencia y de terminación.</translation>
    </message>
    <message>
        <source>Cannot save the coverage: %1</source>
        <translation>No se puede guardar la cobertura: %1</translation>
    </message>
    <message>
        <source>The patient of this coverage no longer exists.</source>
        <translation>El paciente de esta cobertura ya no existe.</translation>
    </message>
    <message>
        <source>The payer %1 is not in the payer list; add it there first.</source>
        <translation>El pagador %1 no está en la lista de pagadores; agréguelo primero a esa lista.</translation>
    </message>
    <message>
        <source>This coverage no longer exists; someone may have removed it.</source>
        <translation>Esta cobertura ya no existe; es posible que alguien la haya eliminado.</translation>
    </message>
    <message>
        <source>Enter the payer ID.</source>
        <translation>Ingrese el ID del pagador.</translation>
    </message>
    <message>
        <source>Enter the payer&apos;s name.</source>
        <translation>Ingrese el nombre del pagador.</translation>
    </message>
    <message>
        <source>Cannot save the payer: %1</source>
        <translation>No se puede guardar el pagador: %1</translation>
    </message>
    <message>
        <source>Cannot open the database %1: it is not a ClinicDesk database or it is damaged (%2). Restore it from the latest backup, or ask your administrator for help.</source>
        <translation>No se puede abrir la base de datos %1: no es una base de datos de ClinicDesk o está dañada (%2). Restáurela desde la copia de seguridad más reciente o pida ayuda a su administrador.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2. Check that the folder exists and that you may write to it.</source>
        <translation>No se puede abrir la base de datos %1: %2. Compruebe que la carpeta exista y que usted tenga permiso para escribir en ella.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: its schema version is %2, but this ClinicDesk knows versions up to %3 only. This database was written by a newer ClinicDesk; update the app to open it. The database was not changed.</source>
        <translation>No se puede abrir la base de datos %1: su versión de esquema es %2, pero esta versión de ClinicDesk solo admite hasta la versión %3. La base de datos fue creada por una versión más reciente de ClinicDesk; actualice la aplicación para abrirla. No se hizo ningún cambio en la base de datos.</translation>
    </message>
    <message>
        <source>Cannot use write-ahead logging for the database %1 (%2). Keep the database on a local disk.</source>
        <translation>No se puede usar el registro de escritura anticipada (WAL) en la base de datos %1 (%2). Guarde la base de datos en un disco local.</translation>
    </message>
    <message>
        <source>This ClinicDesk build is broken: database update %1 is missing. Reinstall the app.</source>
        <translation>Esta compilación de ClinicDesk está dañada: falta la actualización %1 de la base de datos. Vuelva a instalar la aplicación.</translation>
    </message>
    <message>
        <source>This ClinicDesk build is broken: cannot read database update %1. Reinstall the app.</source>
        <translation>Esta compilación de ClinicDesk está dañada: no se puede leer la actualización %1 de la base de datos. Vuelva a instalar la aplicación.</translation>
    </message>
    <message>
        <source>Cannot update the database %1 to version %2 (%3). It was left at version %4; nothing was lost.</source>
        <translation>No se puede actualizar la base de datos %1 a la versión %2 (%3). Quedó en la versión %4; no se perdió nada.</translation>
    </message>
    <message>
        <source>No database file was given.</source>
        <translation>No se indicó ningún archivo de base de datos.</translation>
    </message>
    <message>
        <source>The database connection %1 is already open.</source>
        <translation>La conexión de base de datos %1 ya está abierta.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed. Reinstall the app.</source>
        <translation>El controlador de SQLite para Qt no está instalado. Vuelva a instalar la aplicación.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>La base de datos no está abierta.</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s last name.</source>
        <translation>Ingrese el apellido del paciente.</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s date of birth.</source>
        <translation>Ingrese la fecha de nacimiento del paciente.</translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation>La fecha de nacimiento no puede ser una fecha futura.</translation>
    </message>
    <message>
        <source>Enter the state as its two-letter code, for example NY.</source>
        <translation>Ingrese el estado con su código de dos letras, por ejemplo, NY.</translation>
    </message>
    <message>
        <source>No free medical record number is left; enter one.</source>
        <translation>No quedan números de expediente médico (MRN) disponibles; ingrese uno.</translation>
    </message>
    <message>
        <source>Cannot save the patient: %1</source>
        <translation>No se puede guardar el paciente: %1</translation>
    </message>
    <message>
        <source>Another patient already has the MRN %1.</source>
        <translation>Otro paciente ya tiene el MRN %1.</translation>
    </message>
    <message>
        <source>This patient no longer exists; someone may have removed it.</source>
        <translation>Este paciente ya no existe; es posible que alguien lo haya eliminado.</translation>
    </message>
    <message>
        <source>Patient %1 of %2: %3</source>
        <extracomment>%1 is the position of the patient in the list, %2 the list&apos;s size, %3 the reason</extracomment>
        <translation>Paciente %1 de %2: %3</translation>
    </message>
    <message>
        <source>Cannot save the verification: %1</source>
        <translation>No se puede guardar la verificación: %1</translation>
    </message>
    <message>
        <source>A verification needs the patient and the coverage it checks.</source>
        <translation>Una verificación necesita el paciente y la cobertura que verifica.</translation>
    </message>
    <message>
        <source>A verification needs the time it was requested.</source>
        <translation>Una verificación necesita la hora en que se solicitó.</translation>
    </message>
    <message>
        <source>The coverage of this verification no longer exists.</source>
        <translation>La cobertura de esta verificación ya no existe.</translation>
    </message>
    <message>
        <source>The coverage of this verification belongs to another patient.</source>
        <translation>La cobertura de esta verificación pertenece a otro paciente.</translation>
    </message>
    <message>
        <source>This verification no longer exists.</source>
        <translation>Esta verificación ya no existe.</translation>
    </message>
    <message>
        <source>the patient</source>
        <translation>el paciente</translation>
    </message>
    <message>
        <source>the coverage</source>
        <translation>la cobertura</translation>
    </message>
    <message>
        <source>the appointments</source>
        <translation>las citas</translation>
    </message>
    <message>
        <source>the appointment</source>
        <translation>la cita</translation>
    </message>
    <message>
        <source>The audit trail needs the user and the action; nothing was recorded.</source>
        <translation>El registro de auditoría necesita el usuario y la acción; no se anotó nada.</translation>
    </message>
    <message>
        <source>the audit trail</source>
        <translation>el registro de auditoría</translation>
    </message>
    <message>
        <source>the insurance coverages</source>
        <translation>las coberturas de seguro</translation>
    </message>
    <message>
        <source>Coverage %1 of %2: %3</source>
        <translation>Cobertura %1 de %2: %3</translation>
    </message>
    <message>
        <source>the payer</source>
        <translation>el pagador</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2.</source>
        <translation>No se puede abrir la base de datos %1: %2.</translation>
    </message>
    <message>
        <source>The database could not be checked: %1</source>
        <translation>No se pudo comprobar la base de datos: %1</translation>
    </message>
    <message>
        <source>The database is damaged. Restore it from the latest backup, or ask your administrator for help. SQLite reports: %1</source>
        <translation>La base de datos está dañada. Restáurela desde la copia de seguridad más reciente o pida ayuda a su administrador. Mensaje de SQLite: %1</translation>
    </message>
    <message>
        <source>the patients</source>
        <translation>los pacientes</translation>
    </message>
    <message>
        <source>The database is busy, so %1 could not be read or saved. Try again in a moment. (%2)</source>
        <translation>La base de datos está ocupada, por lo que no fue posible leer ni guardar %1. Vuelva a intentarlo en un momento. (%2)</translation>
    </message>
    <message>
        <source>The database is unreadable, so %1 could not be read or saved. Run File &gt; Database Check…, or ask your administrator. (%2)</source>
        <translation>La base de datos es ilegible, por lo que no fue posible leer ni guardar %1. Use Archivo &gt; Comprobar base de datos… o consulte a su administrador. (%2)</translation>
    </message>
    <message>
        <source>The disk is full, so %1 could not be saved. Free some space and try again. (%2)</source>
        <translation>El disco está lleno, por lo que no fue posible guardar %1. Libere espacio y vuelva a intentarlo. (%2)</translation>
    </message>
    <message>
        <source>The database could not handle %1 (%2).</source>
        <translation>La base de datos no pudo procesar %1 (%2).</translation>
    </message>
    <message>
        <source>the verifications</source>
        <translation>las verificaciones</translation>
    </message>
    <message>
        <source>the verification</source>
        <translation>la verificación</translation>
    </message>
    <message>
        <source>%1 can be at most %2 characters.</source>
        <extracomment>%1 is a field (&quot;The provider&apos;s name&quot;), %2 a number of characters.</extracomment>
        <translation>%1: como máximo %2 caracteres.</translation>
    </message>
    <message>
        <source>The appointment can last at most %1 minutes.</source>
        <translation>La cita puede durar como máximo %1 minutos.</translation>
    </message>
    <message>
        <source>The provider&apos;s name</source>
        <translation>El nombre del proveedor</translation>
    </message>
    <message>
        <source>The visit type</source>
        <translation>El tipo de consulta</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>Las notas</translation>
    </message>
    <message>
        <source>The reason for cancelling</source>
        <translation>El motivo de la cancelación</translation>
    </message>
    <message>
        <source>This appointment was already cancelled.</source>
        <translation>Esta cita ya estaba cancelada.</translation>
    </message>
    <message>
        <source>This visit has taken place; it cannot be cancelled.</source>
        <translation>Esta consulta ya se realizó; no se puede cancelar.</translation>
    </message>
    <message>
        <source>the live event log</source>
        <translation>el registro de eventos en vivo</translation>
    </message>
    <message>
        <source>The live feed&apos;s position is missing from the database.</source>
        <translation>Falta en la base de datos la posición de las actualizaciones en vivo.</translation>
    </message>
    <message>
        <source>the claims</source>
        <translation>las reclamaciones</translation>
    </message>
    <message>
        <source>Only a draft claim, or one that could not be delivered, can be edited.</source>
        <translation>Solo se puede editar una reclamación en borrador o una que no se pudo entregar.</translation>
    </message>
    <message>
        <source>The claim %1 no longer exists.</source>
        <translation>La reclamación %1 ya no existe.</translation>
    </message>
    <message>
        <source>The export was stopped.</source>
        <translation>La exportación se detuvo.</translation>
    </message>
    <message>
        <source>the merge</source>
        <translation>la fusión</translation>
    </message>
    <message>
        <source>the outside records</source>
        <translation>los registros externos</translation>
    </message>
    <message>
        <source>A network link needs the patient, the network&apos;s patient id and the facility.</source>
        <translation>Un vínculo con la red necesita el paciente, el identificador del paciente en la red y el centro.</translation>
    </message>
    <message>
        <source>This network patient is already linked to another local patient (record %1): the two may be the same person.</source>
        <translation>Este paciente de la red ya está vinculado con otro paciente local (expediente %1): es posible que los dos sean la misma persona.</translation>
    </message>
    <message>
        <source>Choose two different patients to merge.</source>
        <translation>Elija dos pacientes distintos para fusionar.</translation>
    </message>
    <message>
        <source>This patient no longer exists; someone may have removed the record.</source>
        <translation>Este paciente ya no existe; es posible que alguien haya eliminado el expediente.</translation>
    </message>
    <message>
        <source>That patient was already merged into another record.</source>
        <translation>Ese paciente ya se fusionó con otro expediente.</translation>
    </message>
    <message>
        <source>The patient to keep was merged into another record; open that record and merge into it instead.</source>
        <translation>El paciente que se iba a conservar se fusionó con otro expediente; abra ese expediente y haga la fusión con él.</translation>
    </message>
    <message>
        <source>the chart</source>
        <translation>la historia clínica</translation>
    </message>
    <message>
        <source>A chart line needs the patient and what it is (a name).</source>
        <translation>Una línea de la historia clínica necesita el paciente y qué es (un nombre).</translation>
    </message>
    <message>
        <source>A chart line needs what it is (a name).</source>
        <translation>Una línea de la historia clínica necesita qué es (un nombre).</translation>
    </message>
    <message>
        <source>A reconciliation decision needs the patient, the statement and who decided.</source>
        <translation>Una decisión de conciliación necesita el paciente, la declaración y quién decidió.</translation>
    </message>
    <message>
        <source>the users</source>
        <translation>los usuarios</translation>
    </message>
    <message>
        <source>There is already a user named %1.</source>
        <translation>Ya existe un usuario llamado %1.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: the database key does not open it (a wrong passphrase or key file, or a file that is not a ClinicDesk database). Nothing was changed.</source>
        <translation>No se puede abrir la base de datos %1: la clave de la base de datos no la abre (frase de contraseña o archivo de clave incorrectos, o un archivo que no es una base de datos de ClinicDesk). No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>UserFormDialog</name>
    <message>
        <source>Add User</source>
        <translation>Agregar usuario</translation>
    </message>
    <message>
        <source>One word, e.g. mlopez</source>
        <translation>Una sola palabra, p. ej. mlopez</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>A new password for %1. Tell it to them in person; they can change it after signing in.</source>
        <translation>Una contraseña nueva para %1. Dígasela en persona; podrá cambiarla después de iniciar sesión.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Nueva &amp;contraseña:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>Re&amp;petir:</translation>
    </message>
    <message>
        <source>At least %1 characters; a few unrelated words are easy to remember and hard to guess. Common passwords are refused.</source>
        <translation>Al menos %1 caracteres; unas cuantas palabras sin relación son fáciles de recordar y difíciles de adivinar. Se rechazan las contraseñas comunes.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Las dos contraseñas no coinciden. Escriba la misma contraseña dos veces.</translation>
    </message>
</context>
<context>
    <name>UserService</name>
    <message>
        <source>The user name or password is not right.</source>
        <translation>El nombre de usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>Your role does not allow managing users.</source>
        <translation>Su rol no permite administrar usuarios.</translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Try again after %1, or ask an administrator to unlock it.</source>
        <translation>Esta cuenta está bloqueada tras demasiados intentos fallidos. Vuelva a intentarlo después de las %1 o pida a un administrador que la desbloquee.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins: this account is locked for %n minutes. An administrator can unlock it sooner.</source>
        <translation>
            <numerusform>Demasiados intentos fallidos: esta cuenta queda bloqueada durante %n minuto. Un administrador puede desbloquearla antes.</numerusform>
            <numerusform>Demasiados intentos fallidos: esta cuenta queda bloqueada durante %n minutos. Un administrador puede desbloquearla antes.</numerusform>
        </translation>
    </message>
    <message>
        <source>A user name is one word of at most 64 characters.</source>
        <translation>Un nombre de usuario es una sola palabra de 64 caracteres como máximo.</translation>
    </message>
    <message>
        <source>The password could not be protected (not enough memory). Nothing was saved.</source>
        <translation>No se pudo proteger la contraseña (memoria insuficiente). No se guardó nada.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>The new password is the current one.</source>
        <translation>La nueva contraseña es la actual.</translation>
    </message>
    <message>
        <source>There is no user named %1.</source>
        <translation>No existe ningún usuario llamado %1.</translation>
    </message>
    <message>
        <source>Front Desk Trainee</source>
        <translation>Aprendiz de recepción</translation>
    </message>
    <message>
        <source>Biller Trainee</source>
        <translation>Aprendiz de facturación</translation>
    </message>
    <message>
        <source>Nurse Trainee</source>
        <translation>Aprendiz de enfermería</translation>
    </message>
    <message>
        <source>Administrator Trainee</source>
        <translation>Aprendiz de administración</translation>
    </message>
    <message>
        <source>This desk already has users: sign in, and ask an administrator for an account.</source>
        <translation>Este puesto ya tiene usuarios: inicie sesión y pida una cuenta a un administrador.</translation>
    </message>
    <message>
        <source>%1 is the only active administrator: make someone else an administrator first.</source>
        <translation>%1 es el único administrador activo: primero haga administrador a otra persona.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account: ask another administrator.</source>
        <translation>No puede desactivar su propia cuenta: pídaselo a otro administrador.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>User Name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Full Name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <source>&amp;Add User…</source>
        <translation>&amp;Agregar usuario…</translation>
    </message>
    <message>
        <source>Change &amp;Role…</source>
        <translation>Cambiar &amp;rol…</translation>
    </message>
    <message>
        <source>Reset &amp;Password…</source>
        <translation>Restablecer &amp;contraseña…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>D&amp;esactivar</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <extracomment>%1 is a time of day</extracomment>
        <translation>Bloqueado hasta las %1</translation>
    </message>
    <message>
        <source>Reacti&amp;vate</source>
        <translation>Reacti&amp;var</translation>
    </message>
    <message>
        <source>%1 was added. They sign in with the password you gave them.</source>
        <translation>Se agregó a %1. Inicia sesión con la contraseña que usted le dio.</translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <source>The role of %1 decides what they may open and do:</source>
        <translation>El rol de %1 decide qué puede abrir y hacer:</translation>
    </message>
    <message>
        <source>%1 is now %2. The new role applies from their next sign-in.</source>
        <translation>%1 ahora es %2. El nuevo rol se aplica desde su próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>%1 has a new password.</source>
        <translation>%1 tiene una contraseña nueva.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>%1 can no longer sign in. What they did stays in the audit log.</source>
        <translation>%1 ya no puede iniciar sesión. Lo que hizo queda en el registro de auditoría.</translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Requiere revisión</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencida</translation>
    </message>
</context>
<context>
    <name>VerificationHistoryModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitada</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Trace Number</source>
        <translation>Número de rastreo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>VerificationJob</name>
    <message>
        <source>This coverage no longer exists.</source>
        <translation>Esta cobertura ya no existe.</translation>
    </message>
    <message>
        <source>payer</source>
        <translation>pagador</translation>
    </message>
    <message>
        <source>member ID</source>
        <translation>número de miembro</translation>
    </message>
    <message>
        <source>subscriber name</source>
        <translation>nombre del titular</translation>
    </message>
    <message>
        <source>subscriber date of birth</source>
        <translation>fecha de nacimiento del titular</translation>
    </message>
    <message>
        <source>provider NPI (Settings)</source>
        <translation>NPI del proveedor (Configuración)</translation>
    </message>
    <message>
        <source>clearinghouse address (Settings)</source>
        <translation>dirección de la cámara de compensación (Configuración)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelada.</translation>
    </message>
    <message>
        <source>The attempt to retry no longer exists.</source>
        <translation>La verificación que se iba a reintentar ya no existe.</translation>
    </message>
    <message>
        <source>The attempt to retry belongs to another coverage.</source>
        <translation>La verificación que se iba a reintentar pertenece a otra cobertura.</translation>
    </message>
    <message>
        <source>the verification</source>
        <translation>la verificación</translation>
    </message>
</context>
<context>
    <name>VerificationStats</name>
    <message>
        <source>Clearinghouse timeout</source>
        <translation>Tiempo de espera agotado (cámara de compensación)</translation>
    </message>
    <message>
        <source>Clearinghouse unavailable (5xx)</source>
        <translation>Cámara de compensación no disponible (5xx)</translation>
    </message>
    <message>
        <source>Clearinghouse refused the request</source>
        <translation>La cámara de compensación rechazó la solicitud</translation>
    </message>
    <message>
        <source>Clearinghouse unreachable</source>
        <translation>Sin conexión con la cámara de compensación</translation>
    </message>
    <message>
        <source>Unreadable clearinghouse answer</source>
        <translation>Respuesta ilegible de la cámara de compensación</translation>
    </message>
    <message>
        <source>Coverage incomplete for a request</source>
        <translation>Datos de cobertura incompletos para la solicitud</translation>
    </message>
    <message>
        <source>Payer busy</source>
        <translation>Pagador ocupado</translation>
    </message>
    <message>
        <source>Payer busy (AAA %1)</source>
        <extracomment>%1 is one or more X12 AAA reject reason codes, e.g. &quot;42&quot; or &quot;42, 80&quot;</extracomment>
        <translation>Pagador ocupado (AAA %1)</translation>
    </message>
    <message>
        <source>Rejected by the payer</source>
        <translation>Rechazada por el pagador</translation>
    </message>
    <message>
        <source>Other failure</source>
        <translation>Otra falla</translation>
    </message>
    <message>
        <source>Answer to another request</source>
        <translation>Respuesta a otra solicitud</translation>
    </message>
    <message>
        <source>Local database error</source>
        <translation>Error de la base de datos local</translation>
    </message>
</context>
<context>
    <name>VisitFees</name>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Paciente nuevo</translation>
    </message>
    <message>
        <source>Annual physical</source>
        <translation>Examen físico anual</translation>
    </message>
    <message>
        <source>Sick visit</source>
        <translation>Consulta por enfermedad</translation>
    </message>
    <message>
        <source>Lab review</source>
        <translation>Revisión de laboratorio</translation>
    </message>
    <message>
        <source>Vaccines</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Chronic care</source>
        <translation>Control de enfermedades crónicas</translation>
    </message>
    <message>
        <source>Well child visit</source>
        <translation>Control del niño sano</translation>
    </message>
</context>
<context>
    <name>X12</name>
    <message>
        <source>Medical care</source>
        <translation>Atención médica</translation>
    </message>
    <message>
        <source>Surgical</source>
        <translation>Cirugía</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Diagnostic X-ray</source>
        <translation>Radiografías de diagnóstico</translation>
    </message>
    <message>
        <source>Diagnostic lab</source>
        <translation>Laboratorio de diagnóstico</translation>
    </message>
    <message>
        <source>Radiation therapy</source>
        <translation>Radioterapia</translation>
    </message>
    <message>
        <source>Anesthesia</source>
        <translation>Anestesia</translation>
    </message>
    <message>
        <source>Surgical assistance</source>
        <translation>Asistencia quirúrgica</translation>
    </message>
    <message>
        <source>Other medical</source>
        <translation>Otros servicios médicos</translation>
    </message>
    <message>
        <source>Blood charges</source>
        <translation>Cargos por sangre</translation>
    </message>
    <message>
        <source>Used durable medical equipment</source>
        <translation>Equipo médico duradero usado</translation>
    </message>
    <message>
        <source>Durable medical equipment purchase</source>
        <translation>Compra de equipo médico duradero</translation>
    </message>
    <message>
        <source>Ambulatory service center facility</source>
        <translation>Centro de servicios ambulatorios (instalaciones)</translation>
    </message>
    <message>
        <source>Renal supplies in the home</source>
        <translation>Suministros renales en el hogar</translation>
    </message>
    <message>
        <source>Alternate method dialysis</source>
        <translation>Diálisis por método alternativo</translation>
    </message>
    <message>
        <source>Chronic renal disease equipment</source>
        <translation>Equipo para enfermedad renal crónica</translation>
    </message>
    <message>
        <source>Pre-admission testing</source>
        <translation>Pruebas previas a la admisión</translation>
    </message>
    <message>
        <source>Durable medical equipment rental</source>
        <translation>Alquiler de equipo médico duradero</translation>
    </message>
    <message>
        <source>Pneumonia vaccine</source>
        <translation>Vacuna contra la neumonía</translation>
    </message>
    <message>
        <source>Second surgical opinion</source>
        <translation>Segunda opinión quirúrgica</translation>
    </message>
    <message>
        <source>Third surgical opinion</source>
        <translation>Tercera opinión quirúrgica</translation>
    </message>
    <message>
        <source>Social work</source>
        <translation>Trabajo social</translation>
    </message>
    <message>
        <source>Diagnostic dental</source>
        <translation>Diagnóstico dental</translation>
    </message>
    <message>
        <source>Periodontics</source>
        <translation>Periodoncia</translation>
    </message>
    <message>
        <source>Restorative</source>
        <translation>Odontología restauradora</translation>
    </message>
    <message>
        <source>Endodontics</source>
        <translation>Endodoncia</translation>
    </message>
    <message>
        <source>Maxillofacial prosthetics</source>
        <translation>Prótesis maxilofaciales</translation>
    </message>
    <message>
        <source>Adjunctive dental services</source>
        <translation>Servicios dentales complementarios</translation>
    </message>
    <message>
        <source>Health benefit plan coverage</source>
        <translation>Cobertura del plan de salud</translation>
    </message>
    <message>
        <source>Plan waiting period</source>
        <translation>Período de espera del plan</translation>
    </message>
    <message>
        <source>Chiropractic</source>
        <translation>Quiropráctica</translation>
    </message>
    <message>
        <source>Chiropractic office visits</source>
        <translation>Consultas de quiropráctica en el consultorio</translation>
    </message>
    <message>
        <source>Dental care</source>
        <translation>Atención dental</translation>
    </message>
    <message>
        <source>Dental crowns</source>
        <translation>Coronas dentales</translation>
    </message>
    <message>
        <source>Dental accident</source>
        <translation>Accidente dental</translation>
    </message>
    <message>
        <source>Orthodontics</source>
        <translation>Ortodoncia</translation>
    </message>
    <message>
        <source>Prosthodontics</source>
        <translation>Prostodoncia</translation>
    </message>
    <message>
        <source>Oral surgery</source>
        <translation>Cirugía oral</translation>
    </message>
    <message>
        <source>Routine (preventive) dental</source>
        <translation>Atención dental de rutina (preventiva)</translation>
    </message>
    <message>
        <source>Home health care</source>
        <translation>Atención médica a domicilio</translation>
    </message>
    <message>
        <source>Home health prescriptions</source>
        <translation>Recetas de atención médica a domicilio</translation>
    </message>
    <message>
        <source>Home health visits</source>
        <translation>Visitas de atención médica a domicilio</translation>
    </message>
    <message>
        <source>Hospice</source>
        <translation>Cuidados paliativos (hospicio)</translation>
    </message>
    <message>
        <source>Respite care</source>
        <translation>Cuidados de relevo</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>Hospital - inpatient</source>
        <translation>Hospital - hospitalización</translation>
    </message>
    <message>
        <source>Hospital - room and board</source>
        <translation>Hospital - habitación y comidas</translation>
    </message>
    <message>
        <source>Hospital - outpatient</source>
        <translation>Hospital - atención ambulatoria</translation>
    </message>
    <message>
        <source>Hospital - emergency accident</source>
        <translation>Hospital - emergencia por accidente</translation>
    </message>
    <message>
        <source>Hospital - emergency medical</source>
        <translation>Hospital - emergencia médica</translation>
    </message>
    <message>
        <source>Hospital - ambulatory surgical</source>
        <translation>Hospital - cirugía ambulatoria</translation>
    </message>
    <message>
        <source>Long term care</source>
        <translation>Atención a largo plazo</translation>
    </message>
    <message>
        <source>Major medical</source>
        <translation>Gastos médicos mayores</translation>
    </message>
    <message>
        <source>Medically related transportation</source>
        <translation>Transporte por motivos médicos</translation>
    </message>
    <message>
        <source>Air transportation</source>
        <translation>Transporte aéreo</translation>
    </message>
    <message>
        <source>Cabulance</source>
        <translation>Transporte adaptado para silla de ruedas (cabulance)</translation>
    </message>
    <message>
        <source>Licensed ambulance</source>
        <translation>Ambulancia autorizada</translation>
    </message>
    <message>
        <source>General benefits</source>
        <translation>Beneficios generales</translation>
    </message>
    <message>
        <source>In-vitro fertilization</source>
        <translation>Fecundación in vitro</translation>
    </message>
    <message>
        <source>MRI/CAT scan</source>
        <translation>Resonancia magnética/tomografía (MRI/CAT)</translation>
    </message>
    <message>
        <source>Donor procedures</source>
        <translation>Procedimientos para donantes</translation>
    </message>
    <message>
        <source>Acupuncture</source>
        <translation>Acupuntura</translation>
    </message>
    <message>
        <source>Newborn care</source>
        <translation>Atención del recién nacido</translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation>Patología</translation>
    </message>
    <message>
        <source>Smoking cessation</source>
        <translation>Programas para dejar de fumar</translation>
    </message>
    <message>
        <source>Well baby care</source>
        <translation>Control del niño sano</translation>
    </message>
    <message>
        <source>Maternity</source>
        <translation>Maternidad</translation>
    </message>
    <message>
        <source>Transplants</source>
        <translation>Trasplantes</translation>
    </message>
    <message>
        <source>Audiology exam</source>
        <translation>Examen de audiología</translation>
    </message>
    <message>
        <source>Inhalation therapy</source>
        <translation>Terapia de inhalación</translation>
    </message>
    <message>
        <source>Diagnostic medical</source>
        <translation>Diagnóstico médico</translation>
    </message>
    <message>
        <source>Private duty nursing</source>
        <translation>Enfermería privada</translation>
    </message>
    <message>
        <source>Prosthetic device</source>
        <translation>Dispositivo protésico</translation>
    </message>
    <message>
        <source>Dialysis</source>
        <translation>Diálisis</translation>
    </message>
    <message>
        <source>Otological exam</source>
        <translation>Examen otológico (de oídos)</translation>
    </message>
    <message>
        <source>Chemotherapy</source>
        <translation>Quimioterapia</translation>
    </message>
    <message>
        <source>Allergy testing</source>
        <translation>Pruebas de alergia</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Routine physical</source>
        <translation>Examen físico de rutina</translation>
    </message>
    <message>
        <source>Family planning</source>
        <translation>Planificación familiar</translation>
    </message>
    <message>
        <source>Infertility</source>
        <translation>Infertilidad</translation>
    </message>
    <message>
        <source>Abortion</source>
        <translation>Aborto</translation>
    </message>
    <message>
        <source>AIDS</source>
        <translation>SIDA</translation>
    </message>
    <message>
        <source>Emergency services</source>
        <translation>Servicios de emergencia</translation>
    </message>
    <message>
        <source>Cancer</source>
        <translation>Cáncer</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <source>Free-standing prescription drug</source>
        <translation>Medicamentos recetados (farmacia independiente)</translation>
    </message>
    <message>
        <source>Mail order prescription drug</source>
        <translation>Medicamentos recetados por correo</translation>
    </message>
    <message>
        <source>Brand name prescription drug</source>
        <translation>Medicamentos recetados de marca</translation>
    </message>
    <message>
        <source>Generic prescription drug</source>
        <translation>Medicamentos recetados genéricos</translation>
    </message>
    <message>
        <source>Podiatry</source>
        <translation>Podología</translation>
    </message>
    <message>
        <source>Podiatry - office visits</source>
        <translation>Podología - consultas en el consultorio</translation>
    </message>
    <message>
        <source>Podiatry - nursing home visits</source>
        <translation>Podología - visitas en hogares de ancianos</translation>
    </message>
    <message>
        <source>Professional (physician)</source>
        <translation>Servicios profesionales (médico)</translation>
    </message>
    <message>
        <source>Anesthesiologist</source>
        <translation>Anestesiólogo</translation>
    </message>
    <message>
        <source>Office visit</source>
        <translation>Consulta en el consultorio</translation>
    </message>
    <message>
        <source>Physician visit - inpatient</source>
        <translation>Visita médica - hospitalización</translation>
    </message>
    <message>
        <source>Physician visit - outpatient</source>
        <translation>Visita médica - atención ambulatoria</translation>
    </message>
    <message>
        <source>Physician visit - nursing home</source>
        <translation>Visita médica - hogar de ancianos</translation>
    </message>
    <message>
        <source>Physician visit - skilled nursing facility</source>
        <translation>Visita médica - centro de enfermería especializada</translation>
    </message>
    <message>
        <source>Physician visit - home</source>
        <translation>Visita médica - a domicilio</translation>
    </message>
    <message>
        <source>Psychiatric</source>
        <translation>Psiquiatría</translation>
    </message>
    <message>
        <source>Psychiatric - room and board</source>
        <translation>Psiquiatría - habitación y comidas</translation>
    </message>
    <message>
        <source>Psychotherapy</source>
        <translation>Psicoterapia</translation>
    </message>
    <message>
        <source>Psychiatric - inpatient</source>
        <translation>Psiquiatría - hospitalización</translation>
    </message>
    <message>
        <source>Psychiatric - outpatient</source>
        <translation>Psiquiatría - atención ambulatoria</translation>
    </message>
    <message>
        <source>Rehabilitation</source>
        <translation>Rehabilitación</translation>
    </message>
    <message>
        <source>Rehabilitation - room and board</source>
        <translation>Rehabilitación - habitación y comidas</translation>
    </message>
    <message>
        <source>Rehabilitation - inpatient</source>
        <translation>Rehabilitación - hospitalización</translation>
    </message>
    <message>
        <source>Rehabilitation - outpatient</source>
        <translation>Rehabilitación - atención ambulatoria</translation>
    </message>
    <message>
        <source>Occupational therapy</source>
        <translation>Terapia ocupacional</translation>
    </message>
    <message>
        <source>Physical medicine</source>
        <translation>Medicina física</translation>
    </message>
    <message>
        <source>Speech therapy</source>
        <translation>Terapia del habla</translation>
    </message>
    <message>
        <source>Skilled nursing care</source>
        <translation>Atención de enfermería especializada</translation>
    </message>
    <message>
        <source>Skilled nursing care - room and board</source>
        <translation>Atención de enfermería especializada - habitación y comidas</translation>
    </message>
    <message>
        <source>Substance abuse</source>
        <translation>Abuso de sustancias</translation>
    </message>
    <message>
        <source>Alcoholism</source>
        <translation>Alcoholismo</translation>
    </message>
    <message>
        <source>Drug addiction</source>
        <translation>Drogadicción</translation>
    </message>
    <message>
        <source>Vision (optometry)</source>
        <translation>Visión (optometría)</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Armazones para anteojos</translation>
    </message>
    <message>
        <source>Routine exam</source>
        <translation>Examen de rutina</translation>
    </message>
    <message>
        <source>Lenses</source>
        <translation>Lentes (cristales)</translation>
    </message>
    <message>
        <source>Non-medically necessary physical</source>
        <translation>Examen físico no necesario por razones médicas</translation>
    </message>
    <message>
        <source>Experimental drug therapy</source>
        <translation>Terapia con medicamentos experimentales</translation>
    </message>
    <message>
        <source>Burn care</source>
        <translation>Atención de quemaduras</translation>
    </message>
    <message>
        <source>Brand name prescription drug - formulary</source>
        <translation>Medicamentos recetados de marca - en el formulario</translation>
    </message>
    <message>
        <source>Brand name prescription drug - non-formulary</source>
        <translation>Medicamentos recetados de marca - fuera del formulario</translation>
    </message>
    <message>
        <source>Independent medical evaluation</source>
        <translation>Evaluación médica independiente</translation>
    </message>
    <message>
        <source>Partial hospitalization (psychiatric)</source>
        <translation>Hospitalización parcial (psiquiátrica)</translation>
    </message>
    <message>
        <source>Day care (psychiatric)</source>
        <translation>Atención diurna (psiquiátrica)</translation>
    </message>
    <message>
        <source>Cognitive therapy</source>
        <translation>Terapia cognitiva</translation>
    </message>
    <message>
        <source>Massage therapy</source>
        <translation>Masoterapia</translation>
    </message>
    <message>
        <source>Pulmonary rehabilitation</source>
        <translation>Rehabilitación pulmonar</translation>
    </message>
    <message>
        <source>Cardiac rehabilitation</source>
        <translation>Rehabilitación cardíaca</translation>
    </message>
    <message>
        <source>Pediatric</source>
        <translation>Pediatría</translation>
    </message>
    <message>
        <source>Nursery</source>
        <translation>Sala de recién nacidos</translation>
    </message>
    <message>
        <source>Skin</source>
        <translation>Piel</translation>
    </message>
    <message>
        <source>Orthopedic</source>
        <translation>Ortopedia</translation>
    </message>
    <message>
        <source>Cardiac</source>
        <translation>Cardiología</translation>
    </message>
    <message>
        <source>Lymphatic</source>
        <translation>Sistema linfático</translation>
    </message>
    <message>
        <source>Gastrointestinal</source>
        <translation>Gastroenterología</translation>
    </message>
    <message>
        <source>Endocrine</source>
        <translation>Endocrinología</translation>
    </message>
    <message>
        <source>Neurology</source>
        <translation>Neurología</translation>
    </message>
    <message>
        <source>Eye</source>
        <translation>Ojos</translation>
    </message>
    <message>
        <source>Invasive procedures</source>
        <translation>Procedimientos invasivos</translation>
    </message>
    <message>
        <source>Gynecological</source>
        <translation>Ginecología</translation>
    </message>
    <message>
        <source>Obstetrical</source>
        <translation>Obstetricia</translation>
    </message>
    <message>
        <source>Obstetrical/gynecological</source>
        <translation>Obstetricia/ginecología</translation>
    </message>
    <message>
        <source>Mail order prescription drug - brand name</source>
        <translation>Medicamentos recetados por correo - de marca</translation>
    </message>
    <message>
        <source>Mail order prescription drug - generic</source>
        <translation>Medicamentos recetados por correo - genéricos</translation>
    </message>
    <message>
        <source>Physician visit - office: sick</source>
        <translation>Visita médica - consultorio: por enfermedad</translation>
    </message>
    <message>
        <source>Physician visit - office: well</source>
        <translation>Visita médica - consultorio: preventiva</translation>
    </message>
    <message>
        <source>Coronary care</source>
        <translation>Cuidados coronarios</translation>
    </message>
    <message>
        <source>Private duty nursing - inpatient</source>
        <translation>Enfermería privada - hospitalización</translation>
    </message>
    <message>
        <source>Private duty nursing - home</source>
        <translation>Enfermería privada - a domicilio</translation>
    </message>
    <message>
        <source>Surgical benefits - professional (physician)</source>
        <translation>Beneficios quirúrgicos - servicios profesionales (médico)</translation>
    </message>
    <message>
        <source>Surgical benefits - facility</source>
        <translation>Beneficios quirúrgicos - instalaciones</translation>
    </message>
    <message>
        <source>Mental health provider - inpatient</source>
        <translation>Proveedor de salud mental - hospitalización</translation>
    </message>
    <message>
        <source>Mental health provider - outpatient</source>
        <translation>Proveedor de salud mental - atención ambulatoria</translation>
    </message>
    <message>
        <source>Mental health facility - inpatient</source>
        <translation>Centro de salud mental - hospitalización</translation>
    </message>
    <message>
        <source>Mental health facility - outpatient</source>
        <translation>Centro de salud mental - atención ambulatoria</translation>
    </message>
    <message>
        <source>Substance abuse facility - inpatient</source>
        <translation>Centro para abuso de sustancias - hospitalización</translation>
    </message>
    <message>
        <source>Substance abuse facility - outpatient</source>
        <translation>Centro para abuso de sustancias - atención ambulatoria</translation>
    </message>
    <message>
        <source>Screening X-ray</source>
        <translation>Radiografías de detección</translation>
    </message>
    <message>
        <source>Screening laboratory</source>
        <translation>Laboratorio de detección</translation>
    </message>
    <message>
        <source>Mammogram, high risk patient</source>
        <translation>Mamografía, paciente de alto riesgo</translation>
    </message>
    <message>
        <source>Mammogram, low risk patient</source>
        <translation>Mamografía, paciente de bajo riesgo</translation>
    </message>
    <message>
        <source>Flu vaccination</source>
        <translation>Vacuna contra la gripe</translation>
    </message>
    <message>
        <source>Eyewear and eyewear accessories</source>
        <translation>Anteojos y accesorios</translation>
    </message>
    <message>
        <source>Case management</source>
        <translation>Administración de casos</translation>
    </message>
    <message>
        <source>Dermatology</source>
        <translation>Dermatología</translation>
    </message>
    <message>
        <source>Durable medical equipment</source>
        <translation>Equipo médico duradero</translation>
    </message>
    <message>
        <source>Diabetic supplies</source>
        <translation>Suministros para diabéticos</translation>
    </message>
    <message>
        <source>Generic prescription drug - formulary</source>
        <translation>Medicamentos recetados genéricos - en el formulario</translation>
    </message>
    <message>
        <source>Generic prescription drug - non-formulary</source>
        <translation>Medicamentos recetados genéricos - fuera del formulario</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Intensive care</source>
        <translation>Cuidados intensivos</translation>
    </message>
    <message>
        <source>Mental health</source>
        <translation>Salud mental</translation>
    </message>
    <message>
        <source>Neonatal intensive care</source>
        <translation>Cuidados intensivos neonatales</translation>
    </message>
    <message>
        <source>Oncology</source>
        <translation>Oncología</translation>
    </message>
    <message>
        <source>Physical therapy</source>
        <translation>Terapia física</translation>
    </message>
    <message>
        <source>Pulmonary</source>
        <translation>Neumología</translation>
    </message>
    <message>
        <source>Renal</source>
        <translation>Nefrología</translation>
    </message>
    <message>
        <source>Residential psychiatric treatment</source>
        <translation>Tratamiento psiquiátrico residencial</translation>
    </message>
    <message>
        <source>Transitional care</source>
        <translation>Atención de transición</translation>
    </message>
    <message>
        <source>Transitional nursery care</source>
        <translation>Atención de transición para recién nacidos</translation>
    </message>
    <message>
        <source>Urgent care</source>
        <translation>Atención de urgencia</translation>
    </message>
    <message>
        <source>Active coverage</source>
        <translation>Cobertura activa</translation>
    </message>
    <message>
        <source>Active - full risk capitation</source>
        <translation>Activa - capitación de riesgo total</translation>
    </message>
    <message>
        <source>Active - services capitated</source>
        <translation>Activa - servicios por capitación</translation>
    </message>
    <message>
        <source>Active - services capitated to primary care physician</source>
        <translation>Activa - servicios por capitación con el médico de atención primaria</translation>
    </message>
    <message>
        <source>Active - pending investigation</source>
        <translation>Activa - en investigación</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactiva</translation>
    </message>
    <message>
        <source>Inactive - pending eligibility update</source>
        <translation>Inactiva - pendiente de actualizar la elegibilidad</translation>
    </message>
    <message>
        <source>Inactive - pending investigation</source>
        <translation>Inactiva - en investigación</translation>
    </message>
    <message>
        <source>Co-insurance</source>
        <translation>Coseguro</translation>
    </message>
    <message>
        <source>Co-payment</source>
        <translation>Copago</translation>
    </message>
    <message>
        <source>Deductible</source>
        <translation>Deducible</translation>
    </message>
    <message>
        <source>Coverage basis</source>
        <translation>Base de la cobertura</translation>
    </message>
    <message>
        <source>Benefit description</source>
        <translation>Descripción del beneficio</translation>
    </message>
    <message>
        <source>Exclusions</source>
        <translation>Exclusiones</translation>
    </message>
    <message>
        <source>Limitations</source>
        <translation>Limitaciones</translation>
    </message>
    <message>
        <source>Out of pocket (stop loss)</source>
        <translation>Gastos máximos de bolsillo (límite de pérdidas)</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Ilimitado</translation>
    </message>
    <message>
        <source>Non-covered</source>
        <translation>No cubierto</translation>
    </message>
    <message>
        <source>Cost containment</source>
        <translation>Contención de costos</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <source>Primary care provider</source>
        <translation>Proveedor de atención primaria</translation>
    </message>
    <message>
        <source>Pre-existing condition</source>
        <translation>Condición preexistente</translation>
    </message>
    <message>
        <source>Managed care coordinator</source>
        <translation>Coordinador de atención administrada</translation>
    </message>
    <message>
        <source>Services restricted to following provider</source>
        <translation>Servicios limitados al siguiente proveedor</translation>
    </message>
    <message>
        <source>Not deemed a medical necessity</source>
        <translation>No se considera médicamente necesario</translation>
    </message>
    <message>
        <source>Benefit disclaimer</source>
        <translation>Aviso de limitación de responsabilidad sobre los beneficios</translation>
    </message>
    <message>
        <source>Second surgical opinion required</source>
        <translation>Se requiere una segunda opinión quirúrgica</translation>
    </message>
    <message>
        <source>Other or additional payer</source>
        <translation>Otro pagador o pagador adicional</translation>
    </message>
    <message>
        <source>Prior year(s) history</source>
        <translation>Historial de años anteriores</translation>
    </message>
    <message>
        <source>Card(s) reported lost/stolen</source>
        <translation>Tarjeta(s) reportada(s) como perdida(s) o robada(s)</translation>
    </message>
    <message>
        <source>Contact following entity for information</source>
        <translation>Para más información, comuníquese con la siguiente entidad</translation>
    </message>
    <message>
        <source>Cannot process</source>
        <translation>No se puede procesar</translation>
    </message>
    <message>
        <source>Other source of data</source>
        <translation>Otra fuente de datos</translation>
    </message>
    <message>
        <source>Health care facility</source>
        <translation>Centro de atención médica</translation>
    </message>
    <message>
        <source>Spend down</source>
        <translation>Gasto para reunir requisitos de Medicaid (spend down)</translation>
    </message>
    <message>
        <source>Children only</source>
        <translation>Solo hijos</translation>
    </message>
    <message>
        <source>Dependents only</source>
        <translation>Solo dependientes</translation>
    </message>
    <message>
        <source>Employee and children</source>
        <translation>Empleado e hijos</translation>
    </message>
    <message>
        <source>Employee only</source>
        <translation>Solo el empleado</translation>
    </message>
    <message>
        <source>Employee and spouse</source>
        <translation>Empleado y cónyuge</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Spouse and children</source>
        <translation>Cónyuge e hijos</translation>
    </message>
    <message>
        <source>Spouse only</source>
        <translation>Solo el cónyuge</translation>
    </message>
    <message>
        <source>Medicare secondary: working aged</source>
        <translation>Medicare secundario: beneficiario de edad avanzada que trabaja</translation>
    </message>
    <message>
        <source>Medicare secondary: end-stage renal disease</source>
        <translation>Medicare secundario: enfermedad renal en etapa terminal</translation>
    </message>
    <message>
        <source>Medicare secondary: no-fault insurance</source>
        <translation>Medicare secundario: seguro sin culpa (no-fault)</translation>
    </message>
    <message>
        <source>Medicare secondary: workers&apos; compensation</source>
        <translation>Medicare secundario: compensación laboral</translation>
    </message>
    <message>
        <source>Medicare secondary: public health service or federal</source>
        <translation>Medicare secundario: servicio de salud pública u otro organismo federal</translation>
    </message>
    <message>
        <source>Medicare secondary: black lung</source>
        <translation>Medicare secundario: neumoconiosis (pulmón negro)</translation>
    </message>
    <message>
        <source>Medicare secondary: veterans administration</source>
        <translation>Medicare secundario: Administración de Veteranos</translation>
    </message>
    <message>
        <source>Medicare secondary: large group health plan for the disabled</source>
        <translation>Medicare secundario: plan de salud de grupo grande para personas con discapacidad</translation>
    </message>
    <message>
        <source>Medicare secondary: other liability insurance</source>
        <translation>Medicare secundario: otro seguro de responsabilidad civil</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Comercial</translation>
    </message>
    <message>
        <source>HMO</source>
        <translation>HMO</translation>
    </message>
    <message>
        <source>HMO - Medicare risk</source>
        <translation>HMO - riesgo de Medicare</translation>
    </message>
    <message>
        <source>Medicare Part A</source>
        <translation>Medicare Parte A</translation>
    </message>
    <message>
        <source>Medicare Part B</source>
        <translation>Medicare Parte B</translation>
    </message>
    <message>
        <source>Medicaid</source>
        <translation>Medicaid</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>PPO</source>
        <translation>PPO</translation>
    </message>
    <message>
        <source>Point of service (POS)</source>
        <translation>Punto de servicio (POS)</translation>
    </message>
    <message>
        <source>Qualified Medicare beneficiary</source>
        <translation>Beneficiario calificado de Medicare (QMB)</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 horas</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Años</translation>
    </message>
    <message>
        <source>Service year</source>
        <translation>Año de servicio</translation>
    </message>
    <message>
        <source>Calendar year</source>
        <translation>Año calendario</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>En lo que va del año</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <source>Episode</source>
        <translation>Episodio</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Outlier</source>
        <translation>Caso atípico</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restante</translation>
    </message>
    <message>
        <source>Exceeded</source>
        <translation>Excedido</translation>
    </message>
    <message>
        <source>Not exceeded</source>
        <translation>No excedido</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>De por vida</translation>
    </message>
    <message>
        <source>Lifetime remaining</source>
        <translation>Restante de por vida</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Ingreso hospitalario</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Quantity used</source>
        <translation>Cantidad usada</translation>
    </message>
    <message>
        <source>Covered - actual</source>
        <translation>Cubierto - real</translation>
    </message>
    <message>
        <source>Covered - estimated</source>
        <translation>Cubierto - estimado</translation>
    </message>
    <message>
        <source>Number of co-insurance days</source>
        <translation>Número de días de coseguro</translation>
    </message>
    <message>
        <source>Deductible blood units</source>
        <translation>Unidades de sangre sujetas a deducible</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Lifetime reserve - actual</source>
        <translation>Reserva de por vida - real</translation>
    </message>
    <message>
        <source>Lifetime reserve - estimated</source>
        <translation>Reserva de por vida - estimada</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Meses</translation>
    </message>
    <message>
        <source>Number of services or procedures</source>
        <translation>Número de servicios o procedimientos</translation>
    </message>
    <message>
        <source>Quantity approved</source>
        <translation>Cantidad aprobada</translation>
    </message>
    <message>
        <source>Age, high value</source>
        <translation>Edad máxima</translation>
    </message>
    <message>
        <source>Age, low value</source>
        <translation>Edad mínima</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Prior authorization required</source>
        <translation>Se requiere autorización previa</translation>
    </message>
    <message>
        <source>No prior authorization required</source>
        <translation>No se requiere autorización previa</translation>
    </message>
    <message>
        <source>Prior authorization unknown</source>
        <translation>No se sabe si se requiere autorización previa</translation>
    </message>
    <message>
        <source>In network</source>
        <translation>Dentro de la red</translation>
    </message>
    <message>
        <source>Out of network</source>
        <translation>Fuera de la red</translation>
    </message>
    <message>
        <source>In and out of network</source>
        <translation>Dentro y fuera de la red</translation>
    </message>
    <message>
        <source>Network unknown</source>
        <translation>Red desconocida</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Alta hospitalaria</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Emisión</translation>
    </message>
    <message>
        <source>Effective date of change</source>
        <translation>Fecha de vigencia del cambio</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Inicio del período</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Fin del período</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Finalización</translation>
    </message>
    <message>
        <source>Coordination of benefits</source>
        <translation>Coordinación de beneficios</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Beneficio</translation>
    </message>
    <message>
        <source>Latest visit or consultation</source>
        <translation>Última visita o consulta</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Elegibilidad</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Inclusión en el plan</translation>
    </message>
    <message>
        <source>COBRA begin</source>
        <translation>Inicio de COBRA</translation>
    </message>
    <message>
        <source>COBRA end</source>
        <translation>Fin de COBRA</translation>
    </message>
    <message>
        <source>Premium paid to date begin</source>
        <translation>Inicio del período con prima pagada</translation>
    </message>
    <message>
        <source>Premium paid to date end</source>
        <translation>Fin del período con prima pagada</translation>
    </message>
    <message>
        <source>Plan begin</source>
        <translation>Inicio del plan</translation>
    </message>
    <message>
        <source>Plan end</source>
        <translation>Fin del plan</translation>
    </message>
    <message>
        <source>Benefit begin</source>
        <translation>Inicio del beneficio</translation>
    </message>
    <message>
        <source>Benefit end</source>
        <translation>Fin del beneficio</translation>
    </message>
    <message>
        <source>Eligibility begin</source>
        <translation>Inicio de la elegibilidad</translation>
    </message>
    <message>
        <source>Eligibility end</source>
        <translation>Fin de la elegibilidad</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Última actualización</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>Cónyuge</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>El propio titular</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Hijo/a</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Organ donor</source>
        <translation>Donante de órganos</translation>
    </message>
    <message>
        <source>Cadaver donor</source>
        <translation>Donante fallecido</translation>
    </message>
    <message>
        <source>Life partner</source>
        <translation>Pareja de hecho</translation>
    </message>
    <message>
        <source>Other relationship</source>
        <translation>Otra relación</translation>
    </message>
    <message>
        <source>Dependent</source>
        <translation>Dependiente</translation>
    </message>
    <message>
        <source>Contracted service provider</source>
        <translation>Proveedor de servicios contratado</translation>
    </message>
    <message>
        <source>Preferred provider organization (PPO)</source>
        <translation>Organización de proveedores preferidos (PPO)</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Third-party administrator</source>
        <translation>Administrador externo (TPA)</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <source>Other physician</source>
        <translation>Otro médico</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Centro de atención</translation>
    </message>
    <message>
        <source>Gateway provider</source>
        <translation>Proveedor de acceso (gateway)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Independent physicians association (IPA)</source>
        <translation>Asociación de médicos independientes (IPA)</translation>
    </message>
    <message>
        <source>Insured or subscriber</source>
        <translation>Asegurado o titular</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Representante legal</translation>
    </message>
    <message>
        <source>Prior insurance carrier</source>
        <translation>Aseguradora anterior</translation>
    </message>
    <message>
        <source>Plan sponsor</source>
        <translation>Patrocinador del plan</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Primary payer</source>
        <translation>Pagador primario</translation>
    </message>
    <message>
        <source>Secondary payer</source>
        <translation>Pagador secundario</translation>
    </message>
    <message>
        <source>Tertiary payer</source>
        <translation>Pagador terciario</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Proveedor comercial</translation>
    </message>
    <message>
        <source>Utilization management organization</source>
        <translation>Organización de gestión de la utilización</translation>
    </message>
    <message>
        <source>Managed care organization</source>
        <translation>Organización de atención administrada</translation>
    </message>
    <message>
        <source>The payer has received more requests than it allows.</source>
        <translation>El pagador recibió más solicitudes de las que permite.</translation>
    </message>
    <message>
        <source>Wait a while and verify again; for a batch, send fewer patients at a time.</source>
        <translation>Espere un rato y vuelva a verificar; si verifica en lote, envíe menos pacientes a la vez.</translation>
    </message>
    <message>
        <source>Information the payer requires is missing from the request.</source>
        <translation>A la solicitud le falta información que el pagador exige.</translation>
    </message>
    <message>
        <source>Check that the patient&apos;s name, date of birth and member ID are filled in, then verify again.</source>
        <translation>Compruebe que el nombre, la fecha de nacimiento y el número de miembro del paciente estén completos y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The provider is out of network for this patient&apos;s plan.</source>
        <translation>El proveedor está fuera de la red del plan de este paciente.</translation>
    </message>
    <message>
        <source>Tell the patient the visit may be billed as out of network, or check whether the plan covers out-of-network care.</source>
        <translation>Informe al paciente que la consulta podría facturarse como fuera de la red, o averigüe si el plan cubre la atención fuera de la red.</translation>
    </message>
    <message>
        <source>The payer does not allow this practice to check eligibility.</source>
        <translation>El pagador no permite que este consultorio verifique la elegibilidad.</translation>
    </message>
    <message>
        <source>Ask the clearinghouse or the payer to enroll the practice for eligibility checks.</source>
        <translation>Pida a la cámara de compensación o al pagador que inscriba al consultorio para verificar la elegibilidad.</translation>
    </message>
    <message>
        <source>The payer is unable to respond right now.</source>
        <translation>El pagador no puede responder en este momento.</translation>
    </message>
    <message>
        <source>Try again in a few minutes. If it keeps failing, call the payer.</source>
        <translation>Vuelva a intentarlo en unos minutos. Si sigue fallando, llame al pagador.</translation>
    </message>
    <message>
        <source>The provider&apos;s NPI is invalid or missing.</source>
        <translation>Falta el NPI del proveedor o no es válido.</translation>
    </message>
    <message>
        <source>Check the provider NPI in the practice settings and verify again.</source>
        <translation>Revise el NPI del proveedor en la configuración del consultorio y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The provider&apos;s name is invalid or missing.</source>
        <translation>Falta el nombre del proveedor o no es válido.</translation>
    </message>
    <message>
        <source>Check the provider name in the practice settings (as registered with the payer) and verify again.</source>
        <translation>Revise el nombre del proveedor en la configuración del consultorio (tal como está registrado con el pagador) y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The provider&apos;s specialty is invalid or missing.</source>
        <translation>Falta la especialidad del proveedor o no es válida.</translation>
    </message>
    <message>
        <source>Check the provider&apos;s specialty (taxonomy) in the practice settings and verify again.</source>
        <translation>Revise la especialidad del proveedor (código de taxonomía) en la configuración del consultorio y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The provider&apos;s phone number is invalid or missing.</source>
        <translation>Falta el número de teléfono del proveedor o no es válido.</translation>
    </message>
    <message>
        <source>Check the provider&apos;s phone number in the practice settings and verify again.</source>
        <translation>Revise el número de teléfono del proveedor en la configuración del consultorio y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The provider&apos;s state is invalid or missing.</source>
        <translation>Falta el estado del proveedor o no es válido.</translation>
    </message>
    <message>
        <source>Check the provider&apos;s address and state in the practice settings and verify again.</source>
        <translation>Revise la dirección y el estado del proveedor en la configuración del consultorio y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The referring provider&apos;s ID is invalid or missing.</source>
        <translation>Falta el ID del proveedor que refiere o no es válido.</translation>
    </message>
    <message>
        <source>Check the referring provider&apos;s NPI and verify again.</source>
        <translation>Revise el NPI del proveedor que refiere y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The provider is not the patient&apos;s primary care physician.</source>
        <translation>El proveedor no es el médico de atención primaria del paciente.</translation>
    </message>
    <message>
        <source>Check who the patient&apos;s primary care physician is; the visit may need a referral.</source>
        <translation>Averigüe quién es el médico de atención primaria del paciente; es posible que la consulta requiera un referido.</translation>
    </message>
    <message>
        <source>The provider is not eligible to check coverage with this payer.</source>
        <translation>El proveedor no está autorizado para verificar coberturas con este pagador.</translation>
    </message>
    <message>
        <source>Ask the payer to enroll the provider for eligibility inquiries.</source>
        <translation>Pida al pagador que inscriba al proveedor para hacer consultas de elegibilidad.</translation>
    </message>
    <message>
        <source>The payer has no record of this provider.</source>
        <translation>El pagador no tiene ningún registro de este proveedor.</translation>
    </message>
    <message>
        <source>Check the provider NPI; the provider may need to register with the payer.</source>
        <translation>Revise el NPI del proveedor; es posible que el proveedor tenga que registrarse con el pagador.</translation>
    </message>
    <message>
        <source>The date of service is outside the provider&apos;s enrollment with the plan.</source>
        <translation>La fecha de servicio está fuera del período en que el proveedor está inscrito en el plan.</translation>
    </message>
    <message>
        <source>Check the date of service; call the payer if the provider should be enrolled for that date.</source>
        <translation>Revise la fecha de servicio; llame al pagador si el proveedor debería estar inscrito en esa fecha.</translation>
    </message>
    <message>
        <source>The benefit asked about does not fit the provider&apos;s type.</source>
        <translation>El beneficio consultado no corresponde al tipo de proveedor.</translation>
    </message>
    <message>
        <source>Verify again with general coverage (service type 30) or a service type that fits this provider.</source>
        <translation>Vuelva a verificar con cobertura general (tipo de servicio 30) o con un tipo de servicio que corresponda a este proveedor.</translation>
    </message>
    <message>
        <source>The kind of procedure code in the request is not accepted.</source>
        <translation>No se acepta el tipo de código de procedimiento de la solicitud.</translation>
    </message>
    <message>
        <source>Verify again with a service type instead of a procedure code.</source>
        <translation>Vuelva a verificar con un tipo de servicio en lugar de un código de procedimiento.</translation>
    </message>
    <message>
        <source>The procedure or service code is not accepted.</source>
        <translation>No se acepta el código de procedimiento o de servicio.</translation>
    </message>
    <message>
        <source>Check the procedure or service type code and verify again.</source>
        <translation>Revise el código de procedimiento o de tipo de servicio y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The date asked about is not accepted.</source>
        <translation>No se acepta la fecha consultada.</translation>
    </message>
    <message>
        <source>Use today&apos;s date or the appointment date and verify again.</source>
        <translation>Use la fecha de hoy o la fecha de la cita y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The date of service is invalid or missing.</source>
        <translation>Falta la fecha de servicio o no es válida.</translation>
    </message>
    <message>
        <source>Enter the date of service and verify again.</source>
        <translation>Ingrese la fecha de servicio y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The date of birth is invalid or missing.</source>
        <translation>Falta la fecha de nacimiento o no es válida.</translation>
    </message>
    <message>
        <source>Check the patient&apos;s date of birth and verify again.</source>
        <translation>Revise la fecha de nacimiento del paciente y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The date of birth is after the date of service.</source>
        <translation>La fecha de nacimiento es posterior a la fecha de servicio.</translation>
    </message>
    <message>
        <source>Check the date of birth and the date of service, then verify again.</source>
        <translation>Revise la fecha de nacimiento y la fecha de servicio, y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The payer&apos;s records show a date of death before the date of service.</source>
        <translation>Según los registros del pagador, hay una fecha de defunción anterior a la fecha de servicio.</translation>
    </message>
    <message>
        <source>Check that the right patient was selected; call the payer if their record is wrong.</source>
        <translation>Compruebe que seleccionó al paciente correcto; llame al pagador si su registro está equivocado.</translation>
    </message>
    <message>
        <source>The date of service is outside the period the payer answers for.</source>
        <translation>La fecha de servicio está fuera del período sobre el que responde el pagador.</translation>
    </message>
    <message>
        <source>Use a date of service closer to today and verify again.</source>
        <translation>Use una fecha de servicio más cercana a hoy y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The date of service is in the future.</source>
        <translation>La fecha de servicio es una fecha futura.</translation>
    </message>
    <message>
        <source>Use today&apos;s date, or verify again on the day of the visit.</source>
        <translation>Use la fecha de hoy, o vuelva a verificar el día de la consulta.</translation>
    </message>
    <message>
        <source>The patient&apos;s ID is invalid or missing.</source>
        <translation>Falta el ID del paciente o no es válido.</translation>
    </message>
    <message>
        <source>Check the patient&apos;s ID on the insurance card and verify again.</source>
        <translation>Revise el ID del paciente en la tarjeta del seguro y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The patient&apos;s name is invalid or missing.</source>
        <translation>Falta el nombre del paciente o no es válido.</translation>
    </message>
    <message>
        <source>Check the patient&apos;s name exactly as printed on the insurance card and verify again.</source>
        <translation>Revise que el nombre del paciente esté exactamente como aparece en la tarjeta del seguro y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The patient&apos;s sex is invalid or missing.</source>
        <translation>Falta el sexo del paciente o no es válido.</translation>
    </message>
    <message>
        <source>Check the patient&apos;s sex in the registration and verify again.</source>
        <translation>Revise el sexo del paciente en el registro y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The payer cannot find the patient.</source>
        <translation>El pagador no encuentra al paciente.</translation>
    </message>
    <message>
        <source>Check the patient&apos;s name and date of birth and the subscriber&apos;s member ID exactly as on the card, then verify again.</source>
        <translation>Revise que el nombre y la fecha de nacimiento del paciente y el número de miembro del titular estén exactamente como en la tarjeta, y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The payer has more than one record with this patient ID.</source>
        <translation>El pagador tiene más de un registro con este ID de paciente.</translation>
    </message>
    <message>
        <source>Add the patient&apos;s date of birth if it is missing; otherwise call the payer.</source>
        <translation>Agregue la fecha de nacimiento del paciente si falta; de lo contrario, llame al pagador.</translation>
    </message>
    <message>
        <source>The service asked about does not fit the patient&apos;s age.</source>
        <translation>El servicio consultado no corresponde a la edad del paciente.</translation>
    </message>
    <message>
        <source>Check the date of birth and the service type, then verify again.</source>
        <translation>Revise la fecha de nacimiento y el tipo de servicio, y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The service asked about does not fit the patient&apos;s sex.</source>
        <translation>El servicio consultado no corresponde al sexo del paciente.</translation>
    </message>
    <message>
        <source>Check the patient&apos;s sex and the service type, then verify again.</source>
        <translation>Revise el sexo del paciente y el tipo de servicio, y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The date of birth does not match the payer&apos;s records.</source>
        <translation>La fecha de nacimiento no coincide con los registros del pagador.</translation>
    </message>
    <message>
        <source>Confirm the date of birth with the patient or the insurance card and verify again.</source>
        <translation>Confirme la fecha de nacimiento con el paciente o con la tarjeta del seguro y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The member ID is invalid or missing.</source>
        <translation>Falta el número de miembro o no es válido.</translation>
    </message>
    <message>
        <source>Check the member ID on the insurance card (no spaces or dashes) and verify again.</source>
        <translation>Revise el número de miembro en la tarjeta del seguro (sin espacios ni guiones) y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The subscriber&apos;s name is invalid or missing.</source>
        <translation>Falta el nombre del titular o no es válido.</translation>
    </message>
    <message>
        <source>Check the subscriber&apos;s name exactly as printed on the insurance card and verify again.</source>
        <translation>Revise que el nombre del titular esté exactamente como aparece en la tarjeta del seguro y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The subscriber&apos;s sex is invalid or missing.</source>
        <translation>Falta el sexo del titular o no es válido.</translation>
    </message>
    <message>
        <source>Check the subscriber&apos;s sex in the registration and verify again.</source>
        <translation>Revise el sexo del titular en el registro y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The payer cannot find the subscriber.</source>
        <translation>El pagador no encuentra al titular.</translation>
    </message>
    <message>
        <source>Check the subscriber&apos;s name, date of birth and member ID exactly as on the card, and that the right payer is selected.</source>
        <translation>Revise que el nombre, la fecha de nacimiento y el número de miembro del titular estén exactamente como en la tarjeta, y que esté seleccionado el pagador correcto.</translation>
    </message>
    <message>
        <source>The payer has more than one record with this member ID.</source>
        <translation>El pagador tiene más de un registro con este número de miembro.</translation>
    </message>
    <message>
        <source>Add the subscriber&apos;s date of birth if it is missing; otherwise call the payer.</source>
        <translation>Agregue la fecha de nacimiento del titular si falta; de lo contrario, llame al pagador.</translation>
    </message>
    <message>
        <source>The payer found the subscriber but not the patient.</source>
        <translation>El pagador encontró al titular, pero no al paciente.</translation>
    </message>
    <message>
        <source>Check the patient&apos;s name and date of birth; the patient may not be on this policy. Ask for the patient&apos;s own card.</source>
        <translation>Revise el nombre y la fecha de nacimiento del paciente; es posible que el paciente no esté incluido en esta póliza. Pida la tarjeta del seguro propia del paciente.</translation>
    </message>
    <message>
        <source>The subscriber is not in the group or plan given.</source>
        <translation>El titular no pertenece al grupo o plan indicado.</translation>
    </message>
    <message>
        <source>Check the group number on the card, or verify again without it.</source>
        <translation>Revise el número de grupo en la tarjeta, o vuelva a verificar sin él.</translation>
    </message>
    <message>
        <source>The payer does not recognize the sender of the request.</source>
        <translation>El pagador no reconoce al remitente de la solicitud.</translation>
    </message>
    <message>
        <source>Ask the clearinghouse to check the practice&apos;s set-up with this payer.</source>
        <translation>Pida a la cámara de compensación que revise la configuración del consultorio con este pagador.</translation>
    </message>
    <message>
        <source>The payer did not answer in time.</source>
        <translation>El pagador no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The provider&apos;s address is invalid or missing.</source>
        <translation>Falta la dirección del proveedor o no es válida.</translation>
    </message>
    <message>
        <source>Check the provider&apos;s address in the practice settings and verify again.</source>
        <translation>Revise la dirección del proveedor en la configuración del consultorio y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The payer considers the service experimental.</source>
        <translation>El pagador considera que el servicio es experimental.</translation>
    </message>
    <message>
        <source>Tell the patient the service may not be covered.</source>
        <translation>Informe al paciente que es posible que el servicio no esté cubierto.</translation>
    </message>
    <message>
        <source>The service needs an authorization number.</source>
        <translation>El servicio requiere un número de autorización.</translation>
    </message>
    <message>
        <source>Get an authorization number from the payer before the visit.</source>
        <translation>Obtenga un número de autorización del pagador antes de la consulta.</translation>
    </message>
    <message>
        <source>The service needs the primary care physician&apos;s authorization.</source>
        <translation>El servicio requiere la autorización del médico de atención primaria.</translation>
    </message>
    <message>
        <source>Get a referral from the patient&apos;s primary care physician before the visit.</source>
        <translation>Obtenga un referido del médico de atención primaria del paciente antes de la consulta.</translation>
    </message>
    <message>
        <source>The diagnosis code is invalid or missing.</source>
        <translation>Falta el código de diagnóstico o no es válido.</translation>
    </message>
    <message>
        <source>Check the diagnosis code and verify again.</source>
        <translation>Revise el código de diagnóstico y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The procedure code is invalid or missing.</source>
        <translation>Falta el código de procedimiento o no es válido.</translation>
    </message>
    <message>
        <source>Check the procedure code and verify again.</source>
        <translation>Revise el código de procedimiento y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The payer needs more information about the patient&apos;s condition.</source>
        <translation>El pagador necesita más información sobre la condición del paciente.</translation>
    </message>
    <message>
        <source>Call the payer to give the information they need.</source>
        <translation>Llame al pagador para darle la información que necesita.</translation>
    </message>
    <message>
        <source>The certification information does not match the patient.</source>
        <translation>La información de certificación no corresponde al paciente.</translation>
    </message>
    <message>
        <source>Check the authorization or certification number for this patient.</source>
        <translation>Revise el número de autorización o de certificación de este paciente.</translation>
    </message>
    <message>
        <source>The service needs a medical review.</source>
        <translation>El servicio requiere una revisión médica.</translation>
    </message>
    <message>
        <source>Contact the payer for a medical review before the service.</source>
        <translation>Comuníquese con el pagador para solicitar una revisión médica antes del servicio.</translation>
    </message>
    <message>
        <source>The authorization number is not in a valid format.</source>
        <translation>El número de autorización no tiene un formato válido.</translation>
    </message>
    <message>
        <source>Check the authorization number and verify again.</source>
        <translation>Revise el número de autorización y vuelva a verificar.</translation>
    </message>
    <message>
        <source>The authorization is missing.</source>
        <translation>Falta la autorización.</translation>
    </message>
    <message>
        <source>Get an authorization from the payer before the service.</source>
        <translation>Obtenga una autorización del pagador antes del servicio.</translation>
    </message>
    <message>
        <source>The payer&apos;s name or ID is missing.</source>
        <translation>Falta el nombre o el ID del pagador.</translation>
    </message>
    <message>
        <source>Check the payer chosen for this coverage and its payer ID, then verify again.</source>
        <translation>Revise el pagador elegido para esta cobertura y su ID de pagador, y vuelva a verificar.</translation>
    </message>
    <message>
        <source>segment %1: %2</source>
        <translation>segmento %1: %2</translation>
    </message>
    <message>
        <source>segment %1 (%2): %3</source>
        <translation>segmento %1 (%2): %3</translation>
    </message>
    <message>
        <source>space</source>
        <translation>espacio</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (y %1 más)</translation>
    </message>
    <message>
        <source>The file is %1 bytes long, more than the limit of %2 bytes; it was not read.</source>
        <translation>El archivo tiene %1 bytes, más que el límite de %2 bytes; no se leyó.</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>no se puede abrir el archivo: %1</translation>
    </message>
    <message>
        <source>internal error: the reader failed without saying why</source>
        <translation>error interno: el lector falló sin indicar el motivo</translation>
    </message>
    <message>
        <source>no transactions</source>
        <translation>sin transacciones</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>la carpeta no existe</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed</source>
        <translation>%1 correctos, %2 con errores</translation>
    </message>
    <message>
        <source>internal error: exception: %1</source>
        <translation>error interno: excepción: %1</translation>
    </message>
    <message>
        <source>internal error: unknown exception</source>
        <translation>error interno: excepción desconocida</translation>
    </message>
    <message>
        <source>The 270 has no payer: NM1*PR is missing from loop 2100A.</source>
        <translation>El 270 no tiene pagador: falta NM1*PR en el loop 2100A.</translation>
    </message>
    <message>
        <source>The 270 has no subscriber loop (HL with HL03 = 22).</source>
        <translation>El 270 no tiene loop del titular (HL con HL03 = 22).</translation>
    </message>
    <message>
        <source>The dependent loop (2000D) has no NM1*03 segment.</source>
        <translation>El loop del dependiente (2000D) no tiene segmento NM1*03.</translation>
    </message>
    <message>
        <source>The subscriber loop (2000C) has no NM1*IL segment.</source>
        <translation>El loop del titular (2000C) no tiene segmento NM1*IL.</translation>
    </message>
    <message>
        <source>The payer NM1*PR has no payer ID (NM109).</source>
        <translation>El NM1*PR del pagador no tiene ID de pagador (NM109).</translation>
    </message>
    <message>
        <source>The subscriber NM1*IL has no member ID (NM109).</source>
        <translation>El NM1*IL del titular no tiene número de miembro (NM109).</translation>
    </message>
    <message>
        <source>DMG02 &quot;%1&quot; is not a valid date of birth (CCYYMMDD).</source>
        <translation>DMG02 &quot;%1&quot; no es una fecha de nacimiento válida (CCYYMMDD).</translation>
    </message>
    <message>
        <source>DTP03 &quot;%1&quot; is not a valid date of service.</source>
        <translation>DTP03 &quot;%1&quot; no es una fecha de servicio válida.</translation>
    </message>
    <message>
        <source>The interchange holds no transaction, so no 270 eligibility request.</source>
        <translation>El intercambio no contiene ninguna transacción y, por lo tanto, ninguna solicitud de elegibilidad 270.</translation>
    </message>
    <message>
        <source>The interchange holds no 270 eligibility request (found: %1).</source>
        <translation>El intercambio no contiene ninguna solicitud de elegibilidad 270 (se encontró: %1).</translation>
    </message>
    <message>
        <source>DMG02 &quot;%1&quot; is not a valid date of birth; it was ignored.</source>
        <translation>DMG02 &quot;%1&quot; no es una fecha de nacimiento válida; se ignoró.</translation>
    </message>
    <message>
        <source>EB07 &quot;%1&quot; is not an amount; the benefit was kept without it.</source>
        <translation>EB07 &quot;%1&quot; no es un monto; se conservó el beneficio sin este dato.</translation>
    </message>
    <message>
        <source>EB08 &quot;%1&quot; is not a percentage; the benefit was kept without it.</source>
        <translation>EB08 &quot;%1&quot; no es un porcentaje; se conservó el beneficio sin este dato.</translation>
    </message>
    <message>
        <source>EB10 &quot;%1&quot; is not a quantity; the benefit was kept without it.</source>
        <translation>EB10 &quot;%1&quot; no es una cantidad; se conservó el beneficio sin este dato.</translation>
    </message>
    <message>
        <source>DTP %1 date &quot;%2&quot; (format %3) is not a valid date; it was ignored.</source>
        <translation>La fecha &quot;%2&quot; del DTP %1 (formato %3) no es una fecha válida; se ignoró.</translation>
    </message>
    <message>
        <source>The interchange holds no transaction, so no 271 eligibility response.</source>
        <translation>El intercambio no contiene ninguna transacción y, por lo tanto, ninguna respuesta de elegibilidad 271.</translation>
    </message>
    <message>
        <source>The interchange holds no 271 eligibility response (found: %1).</source>
        <translation>El intercambio no contiene ninguna respuesta de elegibilidad 271 (se encontró: %1).</translation>
    </message>
    <message>
        <source>The payer rejected the request without giving a reason.</source>
        <translation>El pagador rechazó la solicitud sin indicar el motivo.</translation>
    </message>
    <message>
        <source>The payer rejected the request (reason code %1).</source>
        <translation>El pagador rechazó la solicitud (código de motivo %1).</translation>
    </message>
    <message>
        <source>Check the provider&apos;s name and NPI in the practice settings and verify again.</source>
        <translation>Revise el nombre y el NPI del proveedor en la configuración del consultorio y vuelva a verificar.</translation>
    </message>
    <message>
        <source>Check the service type and the date of service, then verify again.</source>
        <translation>Revise el tipo de servicio y la fecha de servicio, y vuelva a verificar.</translation>
    </message>
    <message>
        <source>Check the patient&apos;s insurance details against the card; if they are right, call the payer and quote reason code %1.</source>
        <translation>Compare los datos del seguro del paciente con la tarjeta; si son correctos, llame al pagador y mencione el código de motivo %1.</translation>
    </message>
    <message>
        <source>Correct the request and send it again.</source>
        <translation>Corrija la solicitud y vuelva a enviarla.</translation>
    </message>
    <message>
        <source>Do not send it again: the payer does not allow resubmission.</source>
        <translation>No la vuelva a enviar: el pagador no permite reenvíos.</translation>
    </message>
    <message>
        <source>Send the same request again.</source>
        <translation>Vuelva a enviar la misma solicitud.</translation>
    </message>
    <message>
        <source>The request may be sent again.</source>
        <translation>Puede volver a enviar la solicitud.</translation>
    </message>
    <message>
        <source>Do not send it again: the payer passed it to a third party.</source>
        <translation>No la vuelva a enviar: el pagador la remitió a un tercero.</translation>
    </message>
    <message>
        <source>Wait 30 days before sending it again.</source>
        <translation>Espere 30 días antes de volver a enviarla.</translation>
    </message>
    <message>
        <source>Wait 10 days before sending it again.</source>
        <translation>Espere 10 días antes de volver a enviarla.</translation>
    </message>
    <message>
        <source>Do not send it again: the payer will respond.</source>
        <translation>No la vuelva a enviar: el pagador responderá.</translation>
    </message>
    <message>
        <source>an unnamed entity</source>
        <translation>una entidad sin nombre</translation>
    </message>
    <message>
        <source>%1 is the primary payer.</source>
        <translation>%1 es el pagador primario.</translation>
    </message>
    <message>
        <source>%1 is the secondary payer.</source>
        <translation>%1 es el pagador secundario.</translation>
    </message>
    <message>
        <source>%1 is the tertiary payer.</source>
        <translation>%1 es el pagador terciario.</translation>
    </message>
    <message>
        <source>Primary care provider: %1.</source>
        <translation>Proveedor de atención primaria: %1.</translation>
    </message>
    <message>
        <source>Another payer also covers this patient: %1.</source>
        <translation>Otro pagador también cubre a este paciente: %1.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <extracomment>%1 is a kind of entity (Plan sponsor, Employer ...), %2 its name</extracomment>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>The X12 data is %1 bytes long, more than the limit of %2 bytes; it was not read.</source>
        <translation>Los datos X12 tienen %1 bytes, más que el límite de %2 bytes; no se leyeron.</translation>
    </message>
    <message>
        <source>The X12 data is empty.</source>
        <translation>Los datos X12 están vacíos.</translation>
    </message>
    <message>
        <source>This is not X12 data: it must start with an ISA segment, but starts with &quot;%1&quot;.</source>
        <translation>Estos no son datos X12: deben comenzar con un segmento ISA, pero comienzan con &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The ISA segment is too short: an ISA has 16 elements and is 106 characters long.</source>
        <translation>El segmento ISA es demasiado corto: un ISA tiene 16 elementos y 106 caracteres.</translation>
    </message>
    <message>
        <source>The character after ISA is %1, which cannot be the element separator; it must be a special character such as &apos;*&apos;.</source>
        <translation>El carácter que sigue a ISA es %1, que no puede ser el separador de elementos; debe ser un carácter especial como &apos;*&apos;.</translation>
    </message>
    <message>
        <source>The ISA segment has only %1 of its 16 elements separated by %2.</source>
        <translation>El segmento ISA solo tiene %1 de sus 16 elementos separados por %2.</translation>
    </message>
    <message>
        <source>The segment terminator (the character after ISA16) is %1; it must be a special character such as &apos;~&apos;.</source>
        <translation>El terminador de segmento (el carácter que sigue a ISA16) es %1; debe ser un carácter especial como &apos;~&apos;.</translation>
    </message>
    <message>
        <source>The component separator (ISA16) is %1; it must be a special character such as &apos;:&apos;.</source>
        <translation>El separador de componentes (ISA16) es %1; debe ser un carácter especial como &apos;:&apos;.</translation>
    </message>
    <message>
        <source>element separator</source>
        <translation>separador de elementos</translation>
    </message>
    <message>
        <source>component separator (ISA16)</source>
        <translation>separador de componentes (ISA16)</translation>
    </message>
    <message>
        <source>segment terminator</source>
        <translation>terminador de segmento</translation>
    </message>
    <message>
        <source>The ISA uses %1 as both the %2 and the %3; the separators must differ.</source>
        <translation>El ISA usa %1 como %2 y también como %3; los separadores deben ser distintos.</translation>
    </message>
    <message>
        <source>ISA%1 contains the segment terminator %2: the ISA is incomplete or its separators are wrong.</source>
        <translation>ISA%1 contiene el terminador de segmento %2: el ISA está incompleto o sus separadores son incorrectos.</translation>
    </message>
    <message>
        <source>ISA%1 is %2 characters long; the standard fixes it at %3.</source>
        <translation>ISA%1 tiene %2 caracteres; el estándar exige %3.</translation>
    </message>
    <message>
        <source>ISA11 (repetition separator) %1 is also the %2; repetitions are not split.</source>
        <translation>ISA11 (separador de repeticiones) %1 es también el %2; las repeticiones no se separan.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a segment ID (after segment %2, %3); the data is damaged or is not X12.</source>
        <translation>&quot;%1&quot; no es un identificador de segmento (después del segmento %2, %3); los datos están dañados o no son X12.</translation>
    </message>
    <message>
        <source>The data ends in the middle of this segment (no segment terminator %1): the input is truncated.</source>
        <translation>Los datos terminan a mitad de este segmento (sin el terminador de segmento %1): la entrada está truncada.</translation>
    </message>
    <message>
        <source>The last segment has no segment terminator %1.</source>
        <translation>El último segmento no tiene el terminador de segmento %1.</translation>
    </message>
    <message>
        <source>A second ISA starts before the IEA of the interchange.</source>
        <translation>Un segundo ISA comienza antes del IEA del intercambio.</translation>
    </message>
    <message>
        <source>A functional group starts inside the transaction that began at segment %1 (its SE is missing).</source>
        <translation>Un grupo funcional comienza dentro de la transacción que empezó en el segmento %1 (falta su SE).</translation>
    </message>
    <message>
        <source>A functional group starts before the GE of the group that began at segment %1.</source>
        <translation>Un grupo funcional comienza antes del GE del grupo que empezó en el segmento %1.</translation>
    </message>
    <message>
        <source>The transaction is outside a functional group (GS is missing).</source>
        <translation>La transacción está fuera de un grupo funcional (falta el GS).</translation>
    </message>
    <message>
        <source>A transaction starts before the SE of the transaction that began at segment %1.</source>
        <translation>Una transacción comienza antes del SE de la transacción que empezó en el segmento %1.</translation>
    </message>
    <message>
        <source>SE without a matching ST.</source>
        <translation>SE sin su ST correspondiente.</translation>
    </message>
    <message>
        <source>The functional group ends inside the transaction that began at segment %1 (its SE is missing).</source>
        <translation>El grupo funcional termina dentro de la transacción que empezó en el segmento %1 (falta su SE).</translation>
    </message>
    <message>
        <source>GE without a matching GS.</source>
        <translation>GE sin su GS correspondiente.</translation>
    </message>
    <message>
        <source>The interchange ends inside the transaction that began at segment %1 (its SE and GE are missing).</source>
        <translation>El intercambio termina dentro de la transacción que empezó en el segmento %1 (faltan su SE y su GE).</translation>
    </message>
    <message>
        <source>The interchange ends inside the functional group that began at segment %1 (its GE is missing).</source>
        <translation>El intercambio termina dentro del grupo funcional que empezó en el segmento %1 (falta su GE).</translation>
    </message>
    <message>
        <source>The segment is outside a transaction (not between ST and SE).</source>
        <translation>El segmento está fuera de una transacción (no está entre ST y SE).</translation>
    </message>
    <message>
        <source>The segment is outside a functional group and transaction: GS and ST are missing before it.</source>
        <translation>El segmento está fuera de un grupo funcional y de una transacción: faltan GS y ST antes de él.</translation>
    </message>
    <message>
        <source>SE01 &quot;%1&quot; is not a segment count; the transaction has %2 segments (ST to SE).</source>
        <translation>SE01 &quot;%1&quot; no es un número de segmentos; la transacción tiene %2 segmentos (de ST a SE).</translation>
    </message>
    <message>
        <source>SE01 says %1 segments; the transaction has %2 (ST to SE).</source>
        <translation>SE01 indica %1 segmentos; la transacción tiene %2 (de ST a SE).</translation>
    </message>
    <message>
        <source>SE02 &quot;%1&quot; does not match ST02 &quot;%2&quot; of segment %3.</source>
        <translation>SE02 &quot;%1&quot; no coincide con ST02 &quot;%2&quot; del segmento %3.</translation>
    </message>
    <message>
        <source>GE01 &quot;%1&quot; is not a transaction count; the functional group has %2.</source>
        <translation>GE01 &quot;%1&quot; no es un número de transacciones; el grupo funcional tiene %2.</translation>
    </message>
    <message>
        <source>GE01 says %1 transactions; the functional group has %2.</source>
        <translation>GE01 indica %1 transacciones; el grupo funcional tiene %2.</translation>
    </message>
    <message>
        <source>GE02 &quot;%1&quot; does not match GS06 &quot;%2&quot; of segment %3.</source>
        <translation>GE02 &quot;%1&quot; no coincide con GS06 &quot;%2&quot; del segmento %3.</translation>
    </message>
    <message>
        <source>IEA01 &quot;%1&quot; is not a functional group count; the interchange has %2.</source>
        <translation>IEA01 &quot;%1&quot; no es un número de grupos funcionales; el intercambio tiene %2.</translation>
    </message>
    <message>
        <source>IEA01 says %1 functional groups; the interchange has %2.</source>
        <translation>IEA01 indica %1 grupos funcionales; el intercambio tiene %2.</translation>
    </message>
    <message>
        <source>IEA02 &quot;%1&quot; does not match the interchange control number ISA13 &quot;%2&quot;.</source>
        <translation>IEA02 &quot;%1&quot; no coincide con el número de control del intercambio ISA13 &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Data follows the IEA trailer: &quot;%1&quot;.</source>
        <translation>Hay datos después del segmento final IEA: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The data ends after segment %1 (%2) before the SE of this transaction: the input is truncated.</source>
        <translation>Los datos terminan después del segmento %1 (%2), antes del SE de esta transacción: la entrada está truncada.</translation>
    </message>
    <message>
        <source>The functional group has no GE trailer: the data ends after segment %1 (%2).</source>
        <translation>El grupo funcional no tiene el segmento final GE: los datos terminan después del segmento %1 (%2).</translation>
    </message>
    <message>
        <source>The interchange has no IEA trailer: the data ends after segment %1 (%2).</source>
        <translation>El intercambio no tiene el segmento final IEA: los datos terminan después del segmento %1 (%2).</translation>
    </message>
    <message>
        <source>%1: %2, %3, %4</source>
        <translation>%1: %2, %3, %4</translation>
    </message>
    <message numerus="yes">
        <source>%n interchange</source>
        <translation>
            <numerusform>%n intercambio</numerusform>
            <numerusform>%n intercambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interchanges</source>
        <translation>
            <numerusform>%n intercambio</numerusform>
            <numerusform>%n intercambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transaction</source>
        <translation>
            <numerusform>%n transacción</numerusform>
            <numerusform>%n transacciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transactions</source>
        <translation>
            <numerusform>%n transacción</numerusform>
            <numerusform>%n transacciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment</source>
        <translation>
            <numerusform>%n segmento</numerusform>
            <numerusform>%n segmentos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segments</source>
        <translation>
            <numerusform>%n segmento</numerusform>
            <numerusform>%n segmentos</numerusform>
        </translation>
    </message>
    <message>
        <source>no transaction was read</source>
        <translation>no se leyó ninguna transacción</translation>
    </message>
    <message>
        <source>; %1 of %2 requests read</source>
        <translation>; %1 de %2 solicitudes leídas</translation>
    </message>
    <message>
        <source>the 270 parser read fewer requests (%1) than there are 270 transactions (%2)</source>
        <translation>el analizador del 270 leyó menos solicitudes (%1) que el número de transacciones 270 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n result</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>the 271 parser found no answer in it</source>
        <translation>el analizador del 271 no encontró ninguna respuesta en el archivo</translation>
    </message>
    <message numerus="yes">
        <source>%n more problem is not listed.</source>
        <translation>
            <numerusform>No se muestra %n problema más.</numerusform>
            <numerusform>No se muestran %n problemas más.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more problems are not listed.</source>
        <translation>
            <numerusform>No se muestra %n problema más.</numerusform>
            <numerusform>No se muestran %n problemas más.</numerusform>
        </translation>
    </message>
    <message>
        <source>The X12 data is more than the limit of %1 bytes long; it was not read past that point.</source>
        <translation>Los datos X12 superan el límite de %1 bytes; no se leyeron más allá de ese punto.</translation>
    </message>
    <message>
        <source>No segment terminator %1 follows within %2 bytes: the segment is longer than X12 allows, or the data is damaged.</source>
        <translation>No aparece el terminador de segmento %1 en los %2 bytes siguientes: el segmento es más largo de lo que permite X12, o los datos están dañados.</translation>
    </message>
    <message>
        <source>The X12 data cannot be read: %1</source>
        <translation>No se pueden leer los datos X12: %1</translation>
    </message>
</context>
</TS>
